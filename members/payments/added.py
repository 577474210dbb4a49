"""Claims staff add by hand, for involvement no feature records yet (a one-off interview
panel, a phone consultation): the same ledger and workflow as any other claim. Whoever
adds one counts as having recorded it, so somebody else must approve it."""

import uuid

from django import forms
from django.contrib.auth import get_user_model

from members.accounts.services import clean_plain_text
from members.payments import fields, ledger
from members.payments.models import Involvement


class AddClaimForm(forms.Form):
    email = forms.EmailField(
        label="The person's email address",
        max_length=254,
        help_text="The address they sign in with.",
        error_messages={
            "required": "Enter the person's email address",
            "invalid": "Enter an email address like name@example.org",
            "max_length": "Enter an email address of 254 characters or fewer",
        },
    )
    involvement = forms.ChoiceField(
        label="Kind of involvement",
        choices=Involvement.choices,
        help_text="Decides the rate, cost code and strand.",
        error_messages={
            "required": "Choose the kind of involvement",
            "invalid_choice": "Choose one of the kinds listed",
        },
    )
    title = forms.CharField(
        label="What it was",
        max_length=200,
        help_text="The person sees this, for example: Interview panel for a new director.",
        error_messages={
            "required": "Say what the involvement was",
            "max_length": "Keep this to 200 characters or fewer",
        },
    )
    happened_on = fields.day_field("When it happened", "Enter the date it happened")
    hours = fields.hours_field(
        "Hours (for hourly rates)",
        "Leave empty for a rate paid per session.",
        required=False,
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        person = (
            get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        )
        if person is None:
            raise forms.ValidationError("Nobody with a Voices account has that address")
        self.person = person
        return email

    def clean_title(self):
        title = clean_plain_text(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError("Say what the involvement was")
        return title

    def clean_happened_on(self):
        return fields.past_day(
            self.cleaned_data["happened_on"],
            "Add a claim after the involvement has happened",
        )


def add_claim(person, *, by, involvement, title, happened_on, hours=None):
    """A claim for the person, as if a feature had recorded the involvement; PaymentError
    when they chose not to be paid."""
    claim = ledger.arise(
        person,
        involvement=involvement,
        source=f"staff:{uuid.uuid4().hex[:20]}",
        title=title,
        happened_on=happened_on,
        logged_by=by,
        hours=hours,
    )
    if claim is None:
        raise ledger.PaymentError(
            "This person chose not to be paid, so no claim was made."
        )
    return claim
