"""allauth hooks: sign-up is closed, accounts come from invitations or approved applications."""

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Closes public sign-up; invitations create accounts through members.services."""

    def is_open_for_signup(self, request):
        return False
