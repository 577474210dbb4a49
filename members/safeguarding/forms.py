"""The forms for raising a concern (portal and admin alike) and for closing one.

Text is plain: control and direction-override characters are stripped, lengths are
bounded with a message saying the limit, and dates in the future are refused."""

from datetime import date

from django import forms
from django.utils import timezone

from members.accounts.services import clean_plain_text

DATE_FORMATS = ["%Y-%m-%d", "%d %m %Y", "%d/%m/%Y", "%d-%m-%Y"]
ABOUT_CHOICES = [("other", "Someone else"), ("self", "Myself")]
RISK_CHOICES = [("yes", "Yes"), ("no", "No")]


def _text(label, max_length, *, required=True, required_message="", help_text=""):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 6 if max_length > 2000 else 3}),
        error_messages={
            "required": required_message,
            "max_length": f"Keep this to {max_length:,} characters or fewer "
            "(you wrote %(show_value)s)",
        },
    )


class ConcernForm(forms.Form):
    """What happened, when, who is involved, and whether anyone is at immediate risk."""

    immediate_risk = forms.ChoiceField(
        label="Is anyone in immediate danger?",
        choices=RISK_CHOICES,
        widget=forms.RadioSelect,
        help_text="If someone is in danger right now, call 999 first, then come back.",
        error_messages={
            "required": "Say whether anyone is in immediate danger",
            "invalid_choice": "Choose yes or no",
        },
    )
    about = forms.ChoiceField(
        label="Who are you worried about?",
        choices=ABOUT_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Say who you are worried about",
            "invalid_choice": "Choose someone else or yourself",
        },
    )
    person_concerned = forms.CharField(
        label="Who the concern is about",
        max_length=200,
        required=False,
        help_text="If it is someone else: their name if you know it, or a description "
        "such as 'a participant at Tuesday's workshop'.",
        error_messages={
            "max_length": "Keep this to 200 characters or fewer (you wrote "
            "%(show_value)s)"
        },
    )
    what_happened = _text(
        "What happened, or what is worrying you",
        5000,
        required_message="Tell us what happened or what is worrying you",
        help_text="In your own words. Say what you saw or heard, and what was said.",
    )
    happened_on = forms.DateField(
        label="When it happened",
        required=False,
        input_formats=DATE_FORMATS,
        help_text="For example 27 3 2027. Leave empty if you are not sure.",
        error_messages={"invalid": "Enter a real date, for example 27 3 2027"},
    )
    others_involved = _text(
        "Who else was involved or saw it",
        2000,
        required=False,
        help_text="Names or descriptions, if anyone else was there.",
    )

    def _clean_text(self, name):
        return clean_plain_text(self.cleaned_data.get(name))

    def clean_person_concerned(self):
        return self._clean_text("person_concerned")

    def clean_others_involved(self):
        return self._clean_text("others_involved")

    def clean_what_happened(self):
        text = self._clean_text("what_happened")
        if not text:
            raise forms.ValidationError("Tell us what happened or what is worrying you")
        return text

    def clean_happened_on(self):
        day = self.cleaned_data.get("happened_on")
        if day is None:
            return None
        if day > timezone.localdate():
            raise forms.ValidationError("Enter a date that is today or in the past")
        if day < date(1900, 1, 1):
            raise forms.ValidationError("Enter a date after 1900")
        return day

    def clean(self):
        data = super().clean()
        if data.get("about") == "other" and not data.get("person_concerned"):
            self.add_error(
                "person_concerned",
                "Say who the concern is about, even if only a description",
            )
        return data

    def values(self):
        """The service's keyword arguments from a valid form."""
        data = self.cleaned_data
        about_self = data["about"] == "self"
        return {
            "about_self": about_self,
            "person_concerned": "" if about_self else data["person_concerned"],
            "others_involved": data["others_involved"],
            "what_happened": data["what_happened"],
            "happened_on": data["happened_on"],
            "immediate_risk": data["immediate_risk"] == "yes",
        }


class CloseForm(forms.Form):
    outcome = _text(
        "What was done",
        5000,
        required_message="Say what was done before closing the concern",
        help_text="Only the safeguarding leads read this; the person who raised the "
        "concern sees only that it is closed.",
    )

    def clean_outcome(self):
        text = clean_plain_text(self.cleaned_data.get("outcome"))
        if not text:
            raise forms.ValidationError("Say what was done before closing the concern")
        return text
