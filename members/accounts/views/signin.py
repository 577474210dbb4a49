"""allauth's "enter your sign-in code" step, with every wrong code in the audit trail.

allauth counts wrong codes (and stops after ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS) but sends
no signal for them, unlike a wrong password (`user_login_failed`, website/audit.py). Staff
reviewing an account that someone tried to enter need both, so this view records each
wrong code on the account it was for (or on "Unknown account", keeping nothing of the
address) and otherwise is allauth's own view.
"""

from allauth.account.views import ConfirmLoginCodeView
from django.contrib.auth import get_user_model

from website import audit


class AuditedConfirmLoginCodeView(ConfirmLoginCodeView):
    def form_invalid(self, form):
        account = getattr(self._process, "user", None)
        if account is None:
            account = get_user_model()(pk=audit.UNKNOWN_ACCOUNT_ID)
        audit.record(
            account, "members.sign_in_failed", user=None, data={"step": "emailed code"}
        )
        return super().form_invalid(form)


confirm_login_code = AuditedConfirmLoginCodeView.as_view()
