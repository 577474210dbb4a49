"""My data: download everything held about me, and delete my account (DP-4, DP-5)."""

import datetime
import time
from functools import wraps

from allauth.account import app_settings as account_settings
from allauth.account.authentication import get_authentication_records
from allauth.core.exceptions import ReauthenticationRequired
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.log_actions import LogContext

from members.accounts import services as services
from members.accounts.forms import DeleteAccountForm
from members.accounts.permissions import can_delete_account
from website.dataexport import sections_for, stream_json


def recent_authentication_required(view):
    """Export and deletion need a sign-in or re-authentication in the last few minutes
    (AU-6). Unlike allauth's decorator, a fresh sign-in by password or emailed code counts,
    so someone who has just signed in with a code is not asked for a password they may not
    use. Otherwise allauth's middleware sends the person to confirm it is them."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        limit = account_settings.REAUTHENTICATION_TIMEOUT
        records = get_authentication_records(request, request.user)
        if not any(time.time() - record.get("at", 0) < limit for record in records):
            raise ReauthenticationRequired()
        return view(request, *args, **kwargs)

    return wrapper


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
@recent_authentication_required
def download_json(request):
    """Machine-readable export, streamed so a long history starts downloading at once."""
    response = StreamingHttpResponse(
        stream_json(request.user), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("json")}"'
    response["Cache-Control"] = "no-store"
    return response


def _label(key):
    return str(key).replace("_", " ").strip().capitalize()


def _readable(value):
    """Plain words for the HTML page: lists joined, yes/no, dates written out."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    if isinstance(value, dict):
        return "; ".join(f"{_label(k)}: {_readable(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(_readable(item) for item in value) or "—"
    return str(value)


def readable_sections(user):
    return [
        {
            "key": section.key,
            "title": section.title,
            "description": section.description,
            "records": [
                [(_label(key), _readable(value)) for key, value in record.items()]
                for record in section.records
            ],
        }
        for section in sections_for(user)
    ]


@login_required
@recent_authentication_required
def download_html(request):
    """The same information as a page a person can read, print or save."""
    response = render(
        request,
        "members/my_data_export.html",
        {"sections": readable_sections(request.user), "generated_at": timezone.now()},
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@recent_authentication_required
def delete_account(request):
    """Confirm, then erase at once; the person is signed out and told what happened."""
    if not can_delete_account(request.user):
        raise Http404
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with LogContext(user=request.user):  # the audit trail's actor (DP-8)
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
