"""allauth hooks: sign-up is closed, accounts come from invitations or approved applications."""

from datetime import timedelta

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import timezone

from website import outbox, roles


def one_time_lifetimes():
    """How long each of allauth's one-time codes or links keeps working."""
    confirm = timedelta(days=app_settings.EMAIL_CONFIRMATION_EXPIRE_DAYS)
    return {
        "account/email/login_code": timedelta(
            seconds=app_settings.LOGIN_BY_CODE_TIMEOUT
        ),
        "account/email/password_reset_code": timedelta(
            seconds=app_settings.PASSWORD_RESET_BY_CODE_TIMEOUT
        ),
        "account/email/password_reset_key": timedelta(
            seconds=settings.PASSWORD_RESET_TIMEOUT
        ),
        "account/email/email_confirmation": confirm,
        "account/email/email_confirmation_signup": confirm,
    }


class AccountAdapter(DefaultAccountAdapter):
    """Closes public sign-up; invitations create accounts through members.services."""

    def is_open_for_signup(self, request):
        return False

    def render_mail(self, template_prefix, email, context, headers=None):
        """Codes and links are stamped with their expiry, so the outbox can forget them."""
        lifetime = one_time_lifetimes().get(template_prefix)
        if lifetime is not None:
            headers = {
                **(headers or {}),
                **outbox.expires_header(timezone.now() + lifetime),
            }
        return super().render_mail(template_prefix, email, context, headers=headers)

    def get_login_redirect_url(self, request):
        """Editors and staff work in the admin, so they land there; members on their portal.

        A `next` address, when given, still wins (allauth checks it before asking here).
        """
        if roles.has_admin_access(request.user):
            return "/admin/"
        return settings.LOGIN_REDIRECT_URL
