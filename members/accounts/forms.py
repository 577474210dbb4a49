"""Forms people use to join: accepting an invitation, applying, and staff inviting."""

import re

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import (
    RequestLoginCodeForm as AllauthRequestLoginCodeForm,
)
from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from home.models import Region
from members.accounts.choices import MemberType
from members.accounts.services import clean_plain_text
from members.models import Application, User
from website import session_limits


class PlainTextField(forms.CharField):
    """Text from members: control characters removed, stored and shown as plain text."""

    def to_python(self, value):
        return clean_plain_text(super().to_python(value))


class AcceptInvitationForm(forms.Form):
    """The invitee chooses a password and accepts the privacy notice."""

    preferred_name = PlainTextField(
        label="What should we call you?",
        max_length=100,
        required=False,
        help_text="Your first name or a name you prefer. You can change it later.",
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    password1 = forms.CharField(
        label="Create a password",
        strip=False,
        max_length=200,
        help_text=(
            "At least 12 characters. A few unrelated words work well, "
            "for example ‘teapot river yellow ladder’."
        ),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Enter a password"},
    )
    password2 = forms.CharField(
        label="Type the password again",
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": "Type your password again"},
    )
    accept_privacy = forms.BooleanField(
        label="I have read the privacy notice and agree to it",
        error_messages={"required": "Tick the box to agree to the privacy notice"},
    )

    def __init__(self, *args, email, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean_password1(self):
        password = self.cleaned_data["password1"]
        validate_password(password, User(email=self.email))
        return password

    def clean(self):
        cleaned = super().clean()
        one, two = cleaned.get("password1"), cleaned.get("password2")
        if one and two and one != two:
            self.add_error("password2", "The two passwords do not match")
        return cleaned


class ApplicationForm(forms.ModelForm):
    """The public "apply to join" form; plain text only, with clear limits."""

    name = PlainTextField(
        label="Your name",
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": "Enter your name"},
    )
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We will only use this to reply to you.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address like name@example.org",
        },
    )
    member_type = forms.ChoiceField(
        label="How would you like to take part?",
        choices=[
            (MemberType.LIVED_EXPERIENCE_PARTNER, "As a Lived Experience Partner"),
            (MemberType.ORGANISATION_CONTACT, "As a contact for a member organisation"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you would like to take part"},
    )
    region = forms.ModelChoiceField(
        label="Where are you based?",
        queryset=Region.objects.all(),
        required=False,
        empty_label="Choose a region",
    )
    organisation = PlainTextField(
        label="Organisation",
        max_length=200,
        required=False,
        help_text="Only if you are applying for a member organisation.",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    reason = PlainTextField(
        label="Tell us a little about why you would like to join",
        max_length=2000,
        help_text="A few sentences is plenty. No more than 2,000 characters.",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Tell us a little about why you would like to join"
        },
    )
    accept_privacy = forms.BooleanField(
        label="I have read the privacy notice and agree to it",
        error_messages={"required": "Tick the box to agree to the privacy notice"},
    )

    class Meta:
        model = Application
        fields = ["name", "email", "member_type", "region", "organisation", "reason"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


EMAIL_SPLIT = re.compile(r"[\s,;]+")


class InviteForm(forms.Form):
    """Staff invite one person or a pasted list, with one member type for all."""

    emails = forms.CharField(
        label="Email addresses",
        max_length=20000,
        help_text="One address, or a list separated by new lines, commas or spaces.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter at least one email address"},
    )
    member_type = forms.ChoiceField(
        label="Member type",
        choices=[
            (
                MemberType.LIVED_EXPERIENCE_PARTNER,
                MemberType.LIVED_EXPERIENCE_PARTNER.label,
            ),
            (MemberType.ORGANISATION_CONTACT, MemberType.ORGANISATION_CONTACT.label),
        ],
    )
    network_slug = forms.ChoiceField(
        label="Network (optional)", required=False, choices=[("", "No network")]
    )

    def __init__(self, *args, network_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network_slug"].choices = [("", "No network"), *network_choices]

    def clean_emails(self):
        raw = clean_plain_text(self.cleaned_data["emails"])
        addresses, bad = [], []
        for item in EMAIL_SPLIT.split(raw):
            item = item.strip().strip("<>").lower()
            if not item:
                continue
            try:
                validate_email(item)
            except ValidationError:
                bad.append(item[:60])
                continue
            if item not in addresses:
                addresses.append(item)
        if bad:
            raise ValidationError(
                "These are not email addresses: %(bad)s",
                params={"bad": ", ".join(bad[:10])},
            )
        if not addresses:
            raise ValidationError("Enter at least one email address")
        if len(addresses) > 200:
            raise ValidationError("Invite at most 200 people at a time")
        return addresses


class ApproveApplicationForm(forms.ModelForm):
    """What the applicant told us, for staff to check and correct before the invitation goes.

    The corrected values are what the invitation and the new account carry
    (members.accounts.onboarding).
    """

    name = PlainTextField(
        label="Name",
        max_length=200,
        error_messages={"required": "Enter the name to use on their account"},
    )
    member_type = forms.ChoiceField(
        label="Taking part as",
        choices=Application._meta.get_field("member_type").choices,
    )
    region = forms.ModelChoiceField(
        label="Region",
        queryset=Region.objects.all(),
        required=False,
        empty_label="Not given",
    )
    organisation = PlainTextField(label="Organisation", max_length=200, required=False)

    class Meta:
        model = Application
        fields = ["name", "member_type", "region", "organisation"]


class DeclineApplicationForm(forms.Form):
    note = PlainTextField(
        label="A short personal note (optional)",
        max_length=1000,
        required=False,
        help_text="Added to the kind email we send. Plain text.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DeleteAccountForm(forms.Form):
    """The last step before erasure; re-authentication happened just before it."""

    confirm = forms.BooleanField(
        label="I understand that my account and my information will be deleted",
        error_messages={
            "required": "Tick the box to confirm you want to delete your account"
        },
    )


def _plain_labels(form, labels):
    """Site wording on allauth's fields; placeholders removed (labels do that job)."""
    for name, (label, hint) in labels.items():
        if name in form.fields:
            field = form.fields[name]
            field.label = label
            if hint is not None:
                field.help_text = hint
            field.widget.attrs.pop("placeholder", None)


class LoginForm(AllauthLoginForm):
    """allauth's sign-in form with plain labels (ACCOUNT_FORMS["login"])."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain_labels(
            self,
            {
                "login": ("Email address", None),
                "password": ("Password", None),
                "remember": (
                    "Keep me signed in on this device",
                    "Leave this unticked on a shared or public computer.",
                ),
            },
        )
        if "login" in self.fields:
            self.fields["login"].widget.attrs["autocomplete"] = "email"

    def login(self, request, redirect_url=None):
        """allauth makes the cookie persistent when "remember" is ticked; the session limits
        also need to know, or the member idle limit would still sign them out."""
        response = super().login(request, redirect_url=redirect_url)
        session_limits.keep_signed_in(
            request.session, bool(self.cleaned_data.get("remember"))
        )
        return response


class RequestLoginCodeForm(AllauthRequestLoginCodeForm):
    """Asks for the email address a sign-in code should go to."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain_labels(self, {"email": ("Email address", None)})
