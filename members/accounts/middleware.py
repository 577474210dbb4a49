"""The staff MFA gate in front of /admin/ (security checklist AU-5).

allauth cannot require MFA for a group, so this small middleware does: when
``REQUIRE_STAFF_MFA`` is on, anyone signed in who reaches ``/admin/`` must have completed an
MFA step *in this session* (allauth's "mfa" authentication record). Owning an authenticator is
not enough: a session made any other way (a missed sign-in route, ``force_login``) is signed
out and sent back to sign in. Someone without an authenticator is sent to set up TOTP first,
after proving the account's mailbox with an emailed code (members/accounts/mfa_enrolment.py).
"""

from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.signals import authenticator_added
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse

from members.accounts import mfa_enrolment

ADMIN_PREFIX = "/admin/"
ACTIVATE_PATH = "/accounts/2fa/totp/activate/"


def session_completed_mfa(request):
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def has_authenticator(user):
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists()


class StaffMFAMiddleware:
    """Refuses /admin/ to a session that has not completed two-factor sign-in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "REQUIRE_STAFF_MFA", False):
            if request.path.startswith(ADMIN_PREFIX):
                refusal = self.check(request)
                if refusal is not None:
                    return refusal
            elif request.path == ACTIVATE_PATH and mfa_enrolment.needs_proof(request):
                # The password alone never enrols an authenticator for the admin.
                return redirect(reverse("mfa_enrolment_confirm"))
        return self.get_response(request)

    def check(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None  # Wagtail sends anonymous visitors to sign in.
        if not user.has_perm("wagtailadmin.access_admin"):
            return None  # Wagtail turns members away itself.
        if session_completed_mfa(request):
            return None
        if not has_authenticator(user):
            messages.info(
                request,
                "Before you use the admin, set up two-step verification with an "
                "authenticator app.",
            )
            if mfa_enrolment.needs_proof(request):
                return redirect(reverse("mfa_enrolment_confirm"))
            return redirect(reverse("mfa_activate_totp"))
        logout(request)
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('account_login')}?{query}")


@receiver(authenticator_added)
def count_totp_activation_as_mfa(sender, request, user, authenticator, **kwargs):
    """Entering a correct code while setting up TOTP proves possession, so the session that
    did it may reach /admin/ without signing in again (uses allauth's session record)."""
    from allauth.account.internal.flows.login import record_authentication

    if request is not None and authenticator.type == authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", type="totp", id=authenticator.pk)
