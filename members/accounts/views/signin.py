"""allauth's "enter your sign-in code" step, with every wrong code in the audit trail.

allauth counts wrong codes (and stops after ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS) but sends
no signal for them, unlike a wrong password (`user_login_failed`, website/audit.py). Staff
reviewing an account that someone tried to enter need both, so this view records each
wrong code on the account it was for (or on "Unknown account", keeping nothing of the
address) and otherwise is allauth's own view.
"""

from allauth.account.views import ConfirmLoginCodeView
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from members.accounts import mfa_enrolment
from website import audit, roles

ADMIN_BY_CODE = (
    "People with admin access sign in with their password and two-step sign-in, not with "
    'an emailed code alone. Use "Sign in with a password" instead.'
)


class AuditedConfirmLoginCodeView(ConfirmLoginCodeView):
    def form_valid(self, form):
        """A right code signs in members and leaders, never people with admin access:
        their mailbox alone must not open the admin (or let them enrol an authenticator)."""
        user = getattr(self._process, "user", None)
        if (
            user is not None
            and roles.has_admin_access(user)
            and self._action != "resend"
        ):
            self._process.abort()
            messages.error(self.request, ADMIN_BY_CODE)
            return redirect("account_login")
        return super().form_valid(form)

    def form_invalid(self, form):
        account = getattr(self._process, "user", None)
        if account is None:
            account = get_user_model()(pk=audit.UNKNOWN_ACCOUNT_ID)
        audit.record(
            account, "members.sign_in_failed", user=None, data={"step": "emailed code"}
        )
        return super().form_invalid(form)


confirm_login_code = AuditedConfirmLoginCodeView.as_view()


class EnrolmentCodeForm(forms.Form):
    code = forms.CharField(
        label="Code from the email",
        max_length=12,
        help_text="Six numbers, for example 123456.",
        error_messages={"required": "Enter the code from the email"},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )


@never_cache
@login_required
def confirm_enrolment(request):
    """Before a person with admin access sets up two-step sign-in: the code we email them.
    Opening the page changes nothing; asking for a code is a button (a POST)."""
    if not mfa_enrolment.needs_proof(request):
        return redirect("mfa_activate_totp")
    if request.method == "POST" and request.POST.get("action") == "send":
        mfa_enrolment.send_code(request)
        messages.success(request, f"We have emailed a code to {request.user.email}.")
        return redirect("mfa_enrolment_confirm")
    form = EnrolmentCodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        answer = mfa_enrolment.check_code(request, form.cleaned_data["code"])
        if answer is True:
            return redirect("mfa_activate_totp")
        form.add_error("code", answer)
    return render(
        request,
        "account/mfa_enrolment_confirm.html",
        {
            "form": form,
            "email": request.user.email,
            "code_sent": mfa_enrolment.has_live_code(request),
            "minutes": mfa_enrolment.ENROLMENT_CODE_MINUTES,
        },
    )
