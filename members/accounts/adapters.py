"""allauth hooks: sign-up is closed, accounts come from invitations or approved applications.

allauth's emails go through website.notify like every other (members.accounts.allauth_mail).
"""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site

from members.accounts import allauth_mail
from website import roles


def site_for(request):
    """The site allauth's templates name; notices sent after the request has finished (a
    two-step change, once its transaction commits) take it from SITE_URL instead."""
    if request is not None:
        return get_current_site(request)
    return SimpleNamespace(
        name=settings.WAGTAIL_SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc
    )


class AccountAdapter(DefaultAccountAdapter):
    """Closes public sign-up; invitations create accounts through members.services."""

    def is_open_for_signup(self, request):
        return False

    def send_mail(self, template_prefix, email, context):
        """Queue through website.notify, as event ``account:<basename of the prefix>``."""
        request = allauth_context.request
        ctx = {
            "request": request,
            "email": email,
            "current_site": site_for(request),
            **context,
        }
        allauth_mail.send(template_prefix, email, ctx)

    def send_notification_mail(self, template_prefix, user, context=None, email=None):
        """Security notices (two-step and password changes) reach the account's own address
        even when allauth keeps no separate email record for it (invited accounts)."""
        return super().send_notification_mail(
            template_prefix, user, context, email=email or user.email
        )

    def render_mail(self, template_prefix, email, context, headers=None):
        """Codes and links are stamped with their expiry, so the outbox can forget them."""
        headers = {**(headers or {}), **allauth_mail.expiry_headers(template_prefix)}
        return super().render_mail(template_prefix, email, context, headers=headers)

    def get_login_redirect_url(self, request):
        """Editors and staff work in the admin, so they land there; members on their portal.

        A `next` address, when given, still wins (allauth checks it before asking here).
        """
        if roles.has_admin_access(request.user):
            return "/admin/"
        return settings.LOGIN_REDIRECT_URL
