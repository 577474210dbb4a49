"""Forms for opportunities: listing filters, expressing interest, withdrawing, alerts, staff review."""

import re
import unicodedata

from django import forms

from home.models.snippets import Region
from members.opportunities.choices import (
    AlertFrequency,
    InterestStatus,
    OpportunityType,
)
from members.opportunities.models import ExpressionOfInterest
from website.access_needs import SharedNeedsMixin, needs_field, share_field

# C0/C1 controls except tab and newline, and bidi overrides that can disguise text.
_CONTROL_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


class PlainTextField(forms.CharField):
    """Multi-line text with control characters removed before the required and length checks."""

    def to_python(self, value):
        value = super().to_python(value)
        value = _CONTROL_CHARS.sub("", value or "")
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        return unicodedata.normalize("NFC", value).strip()


def textarea(rows=4):
    return forms.Textarea(attrs={"rows": rows})


FORMAT_CHOICES = [
    ("", "Any"),
    ("online", "Online"),
    ("in_person", "In person"),
]
PAY_CHOICES = [("", "Any"), ("paid", "Paid"), ("voluntary", "Voluntary")]


class OpportunityFilterForm(forms.Form):
    """GET filters for the listing; invalid values are dropped rather than shown as errors."""

    type = forms.ChoiceField(
        label="Type",
        required=False,
        choices=[("", "All types"), *OpportunityType.choices],
    )
    region = forms.ChoiceField(label="Region", required=False)
    format = forms.ChoiceField(
        label="Online or in person", required=False, choices=FORMAT_CHOICES
    )
    pay = forms.ChoiceField(
        label="Paid or voluntary", required=False, choices=PAY_CHOICES
    )
    closing_soon = forms.BooleanField(label="Closing within 2 weeks", required=False)

    def clean_closing_soon(self):
        # Only a real tick counts; "maybe" or junk is ignored like any other bad value.
        return self.data.get("closing_soon") in ("on", "1", "true")

    def __init__(self, data=None, *, regions=None, **kwargs):
        """`regions` is the list of Region objects, fetched once by the caller."""
        self.regions = list(Region.objects.all()) if regions is None else regions
        self._setup(data, **kwargs)
        # Malformed values are dropped, so the listing never shows them back as errors.
        if self.is_bound and not self.is_valid():
            valid = {
                name: data.get(name)
                for name in self.fields
                if name in data and name not in self.errors
            }
            self._setup(valid, **kwargs)

    def _setup(self, data, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["region"].choices = [
            ("", "All regions"),
            *((region.slug, region.name) for region in self.regions),
        ]

    def clean_region(self):
        slug = self.cleaned_data.get("region")
        return next((r for r in self.regions if r.slug == slug), None)


class ExpressionOfInterestForm(SharedNeedsMixin, forms.Form):
    """A member says why they are interested, when they are free, and what they need."""

    why_interested = PlainTextField(
        label="Why are you interested?",
        max_length=2000,
        help_text="A few sentences is plenty. What draws you to this opportunity?",
        widget=textarea(5),
        error_messages={
            "required": "Tell us why you are interested",
            "max_length": "Keep this to 2,000 characters or fewer",
        },
    )
    experience = PlainTextField(
        label="Relevant experience",
        max_length=2000,
        required=False,
        help_text="Anything from your own life, caring or work that you would bring.",
        widget=textarea(5),
        error_messages={"max_length": "Keep this to 2,000 characters or fewer"},
    )
    availability = PlainTextField(
        label="When are you available?",
        max_length=1000,
        help_text="For example “weekday mornings” or “not Fridays”.",
        widget=textarea(3),
        error_messages={
            "required": "Tell us when you are available",
            "max_length": "Keep this to 1,000 characters or fewer",
        },
    )
    access_needs = needs_field(
        PlainTextField, "Access needs for this opportunity", "this opportunity"
    )
    share_access_needs = share_field(
        "Share these access needs with the team running this opportunity",
        "Only for this opportunity. Your saved profile is not changed.",
    )


class AlertForm(forms.Form):
    """A member's choice of opportunity alerts: how often, which types and regions."""

    frequency = forms.ChoiceField(
        label="How would you like to hear about new opportunities?",
        choices=AlertFrequency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how often to hear from us"},
    )
    types = forms.MultipleChoiceField(
        label="Types of opportunity",
        required=False,
        choices=OpportunityType.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked to hear about every type.",
    )
    regions = forms.ModelMultipleChoiceField(
        label="Regions",
        required=False,
        queryset=Region.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked to hear about every region.",
    )


class RespondToOfferForm(forms.Form):
    """The member accepts or declines a place they were offered."""

    decision = forms.ChoiceField(
        label="Will you take up this place?",
        choices=[("accept", "Yes, I accept the place"), ("decline", "No, I decline")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether you accept the place"},
    )


class StaffReviewForm(forms.ModelForm):
    """What programme staff change on an interest: its status (through the rules) and notes."""

    class Meta:
        model = ExpressionOfInterest
        fields = ["status", "internal_notes"]

    def __init__(self, *args, allowed_statuses=None, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.status
        allowed = [current, *(allowed_statuses or [])]
        self.fields["status"].choices = [
            (value, label)
            for value, label in InterestStatus.choices
            if value in allowed
        ]
        self.fields[
            "status"
        ].help_text = (
            "Changing the status emails the member with a short, kind message."
        )
