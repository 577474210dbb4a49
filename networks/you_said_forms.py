"""The co-chair's form for one "you said, we did" item."""

from django import forms
from django.utils import timezone

from networks.forms import CleanTextMixin
from networks.models import YouSaidWeDid
from networks.services import you_said

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
EARLIEST_YEAR = 2000


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.display_name


class YouSaidForm(CleanTextMixin, forms.ModelForm):
    raised_by = PersonChoice(
        queryset=None,
        required=False,
        label="Who raised it",
        empty_label="Nobody named",
        help_text="Only members of this network are listed.",
        error_messages={"invalid_choice": "Choose a member of this network"},
    )

    class Meta:
        model = YouSaidWeDid
        fields = list(you_said.FIELDS)
        widgets = {
            "you_said": forms.Textarea(attrs={"rows": 4}),
            "decided": forms.Textarea(attrs={"rows": 3}),
            "we_did": forms.Textarea(attrs={"rows": 3}),
            "raised_on": DATE_WIDGET,
            "changed_on": DATE_WIDGET,
        }
        labels = {
            "named_with_consent": "They agreed to their name being shown publicly "
            "beside what they raised",
        }
        help_texts = {
            "raised_on": "For example 14/03/2027.",
            "changed_on": "When the change happened. Leave empty until it has.",
        }
        error_messages = {
            "you_said": {
                "required": "Enter what members raised",
                "max_length": "Keep what members raised to 1,000 characters or fewer",
            },
            "decided": {"max_length": "Keep this to 1,000 characters or fewer"},
            "we_did": {"max_length": "Keep this to 1,000 characters or fewer"},
            "raised_on": {
                "required": "Enter the date it was raised",
                "invalid": "Enter a real date, like 14/03/2027",
            },
            "changed_on": {"invalid": "Enter a real date, like 14/03/2027"},
        }

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["raised_by"].queryset = people

    def clean_you_said(self):
        return self._clean_required_text("you_said", "Enter what members raised")

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        raised, changed = cleaned.get("raised_on"), cleaned.get("changed_on")
        for name, day in (("raised_on", raised), ("changed_on", changed)):
            if day and day > today:
                self.add_error(name, "The date cannot be in the future")
            elif day and day.year < EARLIEST_YEAR:
                self.add_error(name, f"Enter a date in {EARLIEST_YEAR} or later")
        if raised and changed and changed < raised:
            self.add_error("changed_on", "The change cannot come before it was raised")
        if changed and not cleaned.get("we_did"):
            self.add_error("we_did", "Say what changed, or leave the date empty")
        if cleaned.get("raised_by") and not cleaned.get("named_with_consent"):
            self.add_error(
                "named_with_consent",
                "Tick to confirm they agreed to be named, or choose “Nobody named”",
            )
        if cleaned.get("named_with_consent") and not cleaned.get("raised_by"):
            self.add_error("raised_by", "Choose who agreed to be named, or untick")
        return cleaned
