"""One form per pairing action, for partners, leaders and programme staff."""

from decimal import Decimal

from django import forms
from django.utils import timezone

from members.accounts.choices import MemberType
from members.accounts.services import clean_plain_text
from members.coaching.models import PairingSession, PartnerAvailability, Reflection
from members.models import User
from website import reflections

MONEY_ERRORS = {
    "required": "Enter an amount in pounds, for example 12.50",
    "invalid": "Enter an amount in pounds, for example 12.50",
    "max_digits": "Enter an amount under £100,000",
    "max_decimal_places": "Enter pounds and pence only, for example 12.50",
    "max_whole_digits": "Enter an amount under £100,000",
}


class PlainTextMixin:
    """Strip control and direction-override characters from every text answer."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[name] = clean_plain_text(value)
        return cleaned


class ProposePartnerForm(PlainTextMixin, forms.Form):
    """Staff choose a partner from the ranked list and say what the leader wants."""

    partner = forms.ModelChoiceField(
        queryset=User.objects.none(),
        widget=forms.HiddenInput,
        error_messages={
            "required": "Choose a partner from the list",
            "invalid_choice": "Choose a partner from the list",
        },
    )
    focus = forms.CharField(
        label="What the leader wants to work on",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=(
            "The partner sees this before deciding. Leave out names, the organisation's "
            "name and any contact details."
        ),
        error_messages={
            "required": "Say what the leader wants to work on",
            "max_length": "Keep this to 2,000 characters or fewer",
        },
    )
    session_payment = forms.DecimalField(
        label="Payment to the partner per session (£)",
        min_value=Decimal("0"),
        max_digits=8,
        decimal_places=2,
        help_text="0 if the programme does not pay for these sessions.",
        error_messages={**MONEY_ERRORS, "min_value": "The payment cannot be negative"},
    )
    expenses_limit = forms.DecimalField(
        label="Most a partner may claim in expenses per session (£)",
        min_value=Decimal("0"),
        max_digits=8,
        decimal_places=2,
        help_text="Applies to each session's claim in the partner's payments, as well as "
        "each expense category's own cap.",
        error_messages={**MONEY_ERRORS, "min_value": "The limit cannot be negative"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = User.objects.filter(
            is_active=True,
            profile__member_type=MemberType.LIVED_EXPERIENCE_PARTNER,
        )


class StaffStepForm(PlainTextMixin, forms.Form):
    """A note that goes into the pairing's history with a staff step."""

    note = forms.CharField(
        label="Note for the history",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": "Keep the note to 2,000 characters or fewer"},
    )


class RespondForm(PlainTextMixin, forms.Form):
    """The partner's answer to an invitation."""

    decision = forms.ChoiceField(
        label="Will you work with this leader?",
        choices=[
            ("accept", "Yes, I accept"),
            ("decline", "No, I decline"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether you accept or decline"},
    )
    reason = forms.CharField(
        label="Anything you want programme staff to know",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="If you decline, you do not have to say why.",
        error_messages={"max_length": "Keep this to 1,000 characters or fewer"},
    )


class StatusChangeForm(PlainTextMixin, forms.Form):
    """Pause, resume, complete or end early, with an optional note (a reason to end early)."""

    note = forms.CharField(
        label="Note",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Programme staff see this. Please do not include health details.",
        error_messages={"max_length": "Keep the note to 2,000 characters or fewer"},
    )

    def __init__(self, *args, action=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        if action == "end_early":
            self.fields["note"].label = "Why is the pairing ending early?"
            self.fields["note"].required = True
            self.fields["note"].error_messages["required"] = (
                "Say why the pairing is ending early"
            )


class SessionForm(forms.ModelForm):
    """When a session happened, how long it was and how you met. Never what you discussed."""

    class Meta:
        model = PairingSession
        fields = ["date", "duration_minutes", "mode"]
        labels = {
            "date": "Date of the session",
            "duration_minutes": "Length in minutes",
            "mode": "How did you meet?",
        }
        help_texts = {
            "date": "For example, 27 3 2026 or 2026-03-27.",
            "duration_minutes": "For example, 60.",
        }
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "mode": forms.RadioSelect,
        }
        error_messages = {
            "date": {
                "required": "Enter the date of the session",
                "invalid": "Enter a real date, for example 2026-03-27",
            },
            "duration_minutes": {
                "required": "Enter the length of the session in minutes",
                "invalid": "Enter the length as a whole number of minutes, like 60",
                "min_value": "A session must be at least 5 minutes",
                "max_value": "A session can be at most 480 minutes (8 hours)",
            },
            "mode": {"required": "Choose how you met"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mode"].choices = PairingSession.Mode.choices
        self.fields["date"].input_formats = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"]

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError("The date must be today or in the past")
        if date.year < 2000:
            raise forms.ValidationError("Enter a date after the year 2000")
        return date


class ReflectionForm(PlainTextMixin, reflections.ReflectionForm):
    """The short reflection both sides are asked for when the pairing ends: the core's
    questions, and whether the other side may read it."""

    class Meta(reflections.ReflectionForm.Meta):
        model = Reflection
        fields = [*reflections.QUESTIONS, "shared_with_other_side", "quote_consent"]
        labels = {
            **reflections.ReflectionForm.Meta.labels,
            "shared_with_other_side": (
                "The other person in my pairing may read what I wrote about what "
                "changed and what helped"
            ),
        }
        help_texts = {
            **reflections.ReflectionForm.Meta.help_texts,
            "shared_with_other_side": (
                "Once you send this, they can read what has changed and what helped. "
                "They never see what you tell only us."
            ),
        }


class AvailabilityForm(forms.ModelForm):
    """A partner says how many pairings they can take and what they know about."""

    class Meta:
        model = PartnerAvailability
        fields = ["capacity", "accepting", "unavailable_until", "experience_areas"]
        labels = {
            "capacity": "How many leaders could you work with at the same time?",
            "accepting": "I am happy to be asked about new pairings",
            "unavailable_until": "Not available until",
            "experience_areas": "What could you help leaders with?",
        }
        help_texts = {
            "capacity": "Most partners work with 1 or 2 leaders at once.",
            "accepting": "Untick this while you take a break.",
            "unavailable_until": "Optional. For example, 2026-04-01.",
        }
        widgets = {
            "unavailable_until": forms.DateInput(
                attrs={"type": "date"}, format="%Y-%m-%d"
            ),
        }
        error_messages = {
            "capacity": {
                "required": "Enter a number from 1 to 10",
                "invalid": "Enter a number from 1 to 10",
                "max_value": "Enter a number from 1 to 10",
            },
            "unavailable_until": {
                "invalid": "Enter a real date, for example 2026-04-01"
            },
        }

    experience_areas = forms.MultipleChoiceField(
        label="What could you help leaders with?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[
            ("coaching", "1-to-1 coaching"),
            ("mentoring", "Mentoring"),
            ("coproduction", "Embedding co-production in an organisation"),
            ("network", "Working with a regional network"),
        ],
        error_messages={"invalid_choice": "Choose from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["capacity"].min_value = 1
        self.fields["capacity"].widget.attrs.update(min=1, max=10)

    def clean_capacity(self):
        value = self.cleaned_data["capacity"]
        if value is None or value < 1:
            raise forms.ValidationError("Enter a number from 1 to 10")
        return value
