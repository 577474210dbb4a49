"""allauth hooks: sign-up is closed, accounts come from invitations or approved applications."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from website import roles


class AccountAdapter(DefaultAccountAdapter):
    """Closes public sign-up; invitations create accounts through members.services."""

    def is_open_for_signup(self, request):
        return False

    def get_login_redirect_url(self, request):
        """Editors and staff work in the admin, so they land there; members on their portal.

        A `next` address, when given, still wins (allauth checks it before asking here).
        """
        if roles.has_admin_access(request.user):
            return "/admin/"
        return settings.LOGIN_REDIRECT_URL
