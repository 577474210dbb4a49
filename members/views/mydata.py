"""My data: download everything held about me, and delete my account (DP-4, DP-5)."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from members.exporters import sections_for, stream_json
from members.forms.accounts import DeleteAccountForm
from members.permissions.accounts import can_delete_account
from members.services import accounts as services


@login_required
def my_data(request):
    """Explains what we hold and offers the downloads and deletion."""
    return render(
        request,
        "members/my_data.html",
        {"can_delete": can_delete_account(request.user)},
    )


def _filename(extension):
    return f"voices-my-data-{timezone.localdate().isoformat()}.{extension}"


@login_required
@reauthentication_required
def download_json(request):
    """Machine-readable export, streamed so a long history starts downloading at once."""
    response = StreamingHttpResponse(
        stream_json(request.user), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("json")}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@reauthentication_required
def download_html(request):
    """The same information as a page a person can read, print or save."""
    response = render(
        request,
        "members/my_data_export.html",
        {"sections": sections_for(request.user), "generated_at": timezone.now()},
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@reauthentication_required(allow_get=False)
def delete_account(request):
    """Confirm, then erase at once; the person is signed out and told what happened."""
    if not can_delete_account(request.user):
        raise Http404
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.erase_member(request.user)
        logout(request)
        messages.success(
            request,
            "Your account has been deleted. Thank you for everything you gave to Voices.",
        )
        return redirect("members:account_deleted")
    return render(request, "members/delete_account.html", {"form": form})


def account_deleted(request):
    return render(request, "members/account_deleted.html")
