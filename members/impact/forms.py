"""The impact report's filters (a GET form) and the equality monitoring questions."""

from django import forms

from home.models import Region
from members.impact.figures import STRANDS, Filters
from members.impact.models import AgeBand, Ethnicity, YesNo

DATE_HINT = "For example, 2026-04-01 or 1/4/2026"
INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y", "%d-%m-%Y"]


class ReportFilterForm(forms.Form):
    """What staff narrow the report to; every field may be left empty."""

    start = forms.DateField(
        label="From",
        required=False,
        input_formats=INPUT_FORMATS,
        help_text=DATE_HINT,
        error_messages={
            "invalid": "Enter the start date as a real date, like 2026-04-01"
        },
        widget=forms.DateInput(
            format="%Y-%m-%d", attrs={"autocomplete": "off", "size": 12}
        ),
    )
    end = forms.DateField(
        label="To",
        required=False,
        input_formats=INPUT_FORMATS,
        help_text=DATE_HINT,
        error_messages={
            "invalid": "Enter the end date as a real date, like 2027-03-31"
        },
        widget=forms.DateInput(
            format="%Y-%m-%d", attrs={"autocomplete": "off", "size": 12}
        ),
    )
    region = forms.ModelChoiceField(
        queryset=Region.objects.order_by("sort_order", "name"),
        required=False,
        empty_label="All regions",
        error_messages={"invalid_choice": "Choose a region from the list"},
    )
    strand = forms.ChoiceField(
        label="Programme strand",
        required=False,
        choices=[("", "All strands"), *STRANDS.items()],
        error_messages={"invalid_choice": "Choose a programme strand from the list"},
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error(
                "end", "The end date must be the same as or after the start date"
            )
        for name in ("start", "end"):
            day = cleaned.get(name)
            if day and not 2000 <= day.year <= 2100:
                self.add_error(name, "Enter a date between the years 2000 and 2100")
        return cleaned

    def filters(self):
        data = self.cleaned_data
        return Filters(
            start=data.get("start"),
            end=data.get("end"),
            region=data.get("region"),
            strand=data.get("strand") or "",
        )


def _question(label, choices, hint=""):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=False,
        help_text=hint or "Leave this blank to skip it.",
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": "Choose one of the answers, or leave it blank"
        },
    )


class EqualityForm(forms.Form):
    """The optional equality questions: each may be skipped, each has "Prefer not to
    say", and one box says "I'd rather not answer any of these"."""

    age_band = _question("Your age", AgeBand.choices)
    ethnicity = _question("Your ethnic group", Ethnicity.choices)
    disability = _question(
        "Are you disabled, or do you live with a long-term condition?", YesNo.choices
    )
    carer = _question(
        "Do you look after someone without being paid for it (an unpaid carer)?",
        YesNo.choices,
    )
    declined = forms.BooleanField(
        label="I’d rather not answer any of these",
        required=False,
        help_text="We will not ask again. Any answers above are not kept.",
    )

    QUESTIONS = ("age_band", "ethnicity", "disability", "carer")

    def answers(self):
        if self.cleaned_data.get("declined"):
            return dict.fromkeys(self.QUESTIONS, "")
        return {name: self.cleaned_data.get(name) or "" for name in self.QUESTIONS}
