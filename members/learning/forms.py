"""One form per action on a learning set: staff set one up, invite leaders, add a session
or a resource; a leader joins; a facilitator keeps a note. Messages written for people."""

from datetime import date, datetime, timedelta

from django import forms
from django.utils import timezone

from home.models.snippets import Region
from members.learning.models import (
    MAX_LEADERS,
    MIN_LEADERS,
    LearningSet,
    SetReflection,
)
from members.payments.fields import day_field
from website import reflections

CONFIDENCE_CHOICES = [
    ("1", "1: not at all confident"),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("5", "5: very confident"),
]
CONFIDENCE_QUESTION = (
    "How confident are you in sharing power with people who use services?"
)


class SetForm(forms.Form):
    name = forms.CharField(
        max_length=120, error_messages={"required": "Enter a name for the set"}
    )
    focus = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="What the leaders will work on together, in a sentence or two.",
        error_messages={"required": "Enter what the set will focus on"},
    )
    region = forms.ModelChoiceField(
        queryset=Region.objects.order_by("name"), required=False, empty_label="Any"
    )
    format = forms.ChoiceField(choices=LearningSet.Format.choices)
    starts_on = day_field("First session on", "Enter the day of the first session")
    ends_on = day_field("Last session on", "Enter the day of the last session")
    places = forms.TypedChoiceField(
        label="Places for leaders",
        coerce=int,
        choices=[(n, str(n)) for n in range(MIN_LEADERS, MAX_LEADERS + 1)],
        initial=6,
    )
    facilitator = forms.ModelChoiceField(
        queryset=None,
        label="Facilitating partner",
        help_text="Partners with in-date training are listed first.",
        error_messages={"required": "Choose a partner to facilitate the set"},
    )
    bio = forms.CharField(
        label="Their short introduction for the leaders",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=600,
        required=False,
    )
    second_facilitator = forms.ModelChoiceField(
        queryset=None, label="Second facilitating partner (optional)", required=False
    )
    second_bio = forms.CharField(
        label="Their short introduction",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=600,
        required=False,
    )
    what_next = forms.CharField(
        label="What happens next",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text="Shown to leaders: for example when the first session is and what to "
        "bring.",
    )

    def __init__(self, *args, partners, reasons=None, **kwargs):
        super().__init__(*args, **kwargs)
        reasons = reasons or {}

        def label(user):
            name = user.get_full_name() or user.email
            reason = reasons.get(user.pk)
            return f"{name} ({reason})" if reason else name

        for name in ("facilitator", "second_facilitator"):
            self.fields[name].queryset = partners
            self.fields[name].label_from_instance = label

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The last session must be on or after the first")
        if starts and starts < date(2000, 1, 1):
            self.add_error("starts_on", "Enter a date after the year 2000")
        if starts and ends and ends - starts > timedelta(days=3 * 366):
            self.add_error("ends_on", "A set runs for three years at most")
        first, second = data.get("facilitator"), data.get("second_facilitator")
        if first and second and first.pk == second.pk:
            self.add_error("second_facilitator", "Choose a different partner, or none")
        return data


class InviteForm(forms.Form):
    people = forms.CharField(
        label="Leaders to invite",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20_000,
        help_text="One person per line: email address, name, organisation. For example: "
        "dana.lee@example.org, Dana Lee, Riverside NHS Trust",
        error_messages={"required": "Enter at least one email address"},
    )


class SessionForm(forms.Form):
    day = day_field("Day", "Enter the day of the session")
    starts = forms.TimeField(
        label="Starts at",
        help_text="UK time, for example 14:00",
        error_messages={
            "required": "Enter the time it starts",
            "invalid": "Enter a time, for example 14:00",
        },
    )
    hours = forms.DecimalField(
        label="Length in hours",
        min_value=0.5,
        max_value=8,
        decimal_places=2,
        initial=2,
        error_messages={
            "required": "Enter how long it lasts",
            "invalid": "Enter a number of hours, for example 2",
            "min_value": "A session lasts at least half an hour",
            "max_value": "A session lasts eight hours at most",
            "max_decimal_places": "Enter hours to two decimal places at most",
        },
    )
    joining_details = forms.CharField(
        label="How to join or where to go",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text="Shown only to the people in the set.",
    )

    def clean(self):
        data = super().clean()
        if data.get("day") and data.get("starts") and data.get("hours"):
            if data["day"] < timezone.localdate() - timedelta(days=366):
                self.add_error("day", "Enter a day within the last year, or to come")
            else:
                start = timezone.make_aware(
                    datetime.combine(data["day"], data["starts"])
                )
                data["starts_at"] = start
                data["ends_at"] = start + timedelta(hours=float(data["hours"]))
        return data


class ResourceForm(forms.Form):
    title = forms.CharField(
        max_length=200, error_messages={"required": "Enter a title for the resource"}
    )
    url = forms.URLField(
        label="Link",
        max_length=500,
        assume_scheme="https",
        error_messages={
            "required": "Enter the link to the resource",
            "invalid": "Enter a full web address, for example https://example.org/guide",
        },
    )


class JoinForm(forms.Form):
    organisation = forms.CharField(
        label="Your organisation",
        max_length=200,
        required=False,
        help_text="For example, the trust or council you work for.",
    )
    share_with_set = forms.BooleanField(
        label="Show my first name and organisation to the others in the set",
        required=False,
        help_text="The facilitators see who is in the set either way.",
    )
    confidence = forms.TypedChoiceField(
        label=CONFIDENCE_QUESTION,
        coerce=int,
        choices=CONFIDENCE_CHOICES,
        widget=forms.RadioSelect,
        help_text="We ask again at the end and report only totals across sets, never "
        "anyone's own answer.",
        error_messages={"required": "Choose a number from 1 to 5"},
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label="Facilitators' note",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        required=False,
        help_text="Only you and the other facilitator see this; never the leaders.",
    )

    def clean_note(self):
        return self.cleaned_data["note"].strip()


class SetReflectionForm(reflections.ReflectionForm):
    """The core's reflection questions; leaders are asked the confidence question again."""

    confidence = forms.TypedChoiceField(
        label=CONFIDENCE_QUESTION,
        coerce=int,
        choices=CONFIDENCE_CHOICES,
        widget=forms.RadioSelect,
        help_text="You answered this when you joined. Only totals across sets are "
        "reported.",
        error_messages={"required": "Choose a number from 1 to 5"},
    )

    class Meta(reflections.ReflectionForm.Meta):
        model = SetReflection
        labels = {
            **reflections.ReflectionForm.Meta.labels,
            "what_changed": "What has changed for you because of the learning set?",
        }

    def __init__(self, *args, leader=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not leader:
            del self.fields["confidence"]
