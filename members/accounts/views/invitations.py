"""Joining: accept an invitation link, or apply to become a member."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from members.accounts import joining, onboarding
from members.accounts import services as services
from members.accounts.forms import AcceptInvitationForm, ApplicationForm
from website.spam import RateLimit, client_ip, ip_key
from website.views import too_many_requests

BACKEND = "members.accounts.auth_backends.VoicesAuthenticationBackend"


@never_cache
def accept_invitation(request, token):
    """Set a password and accept the privacy notice; one use, then the link stops working.

    Unknown, tampered, used, revoked and expired links all get the same calm page, so the
    link itself reveals nothing.
    """
    invitation = joining.find_open_invitation(token)
    if invitation is None:
        return render(request, "members/invitation_invalid.html", status=404)
    if request.user.is_authenticated:
        return render(
            request, "members/invitation_signed_in.html", {"invitation": invitation}
        )
    form = AcceptInvitationForm(
        request.POST if request.method == "POST" else None,
        email=invitation.email,
        initial={"preferred_name": onboarding.suggested_preferred_name(invitation)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = joining.accept_invitation(
                invitation,
                form.cleaned_data["password1"],
                form.cleaned_data["preferred_name"],
            )
        except ValueError:
            return render(request, "members/invitation_invalid.html", status=404)
        login(request, user, backend=BACKEND)
        messages.success(
            request,
            "Welcome to Voices. Your account is ready. You might like to fill in your "
            "profile next.",
        )
        return redirect("members:portal")
    return render(
        request,
        "members/accept_invitation.html",
        {"form": form, "invitation": invitation},
    )


def application_ip_limit():
    return RateLimit("apply-ip", getattr(settings, "APPLICATION_RATE_LIMIT_PER_IP", 5))


def apply(request):
    """The public application form; staff approve (an invitation follows) or decline."""
    if request.method == "POST":
        # A public form that emails staff: limited per address like enquiries (SP-2).
        limit, ip = application_ip_limit(), ip_key(client_ip(request))
        if limit.is_exceeded(ip):
            return too_many_requests(request, limit)
    form = ApplicationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        limit.hit(ip)
        data = form.cleaned_data
        joining.submit_application(
            name=data["name"],
            email=data["email"],
            member_type=data["member_type"],
            region=data["region"],
            organisation=data["organisation"],
            reason=data["reason"],
        )
        return redirect("members:apply_thanks")
    return render(request, "members/apply.html", {"form": form})


def apply_thanks(request):
    return render(request, "members/apply_thanks.html")
