"""Partner support's forms: staff record a completion; a partner asks for a debrief."""

from django import forms
from django.utils import timezone

from members.accounts.profiles import is_partner
from members.accounts.services import clean_plain_text
from members.models import User
from members.support import services
from members.support.debriefs import NOTE_LIMIT, Contact
from members.support.models import TrainingCourse


class CompletionForm(forms.Form):
    """Programme staff: which partner completed which course, and when."""

    email = forms.EmailField(
        label="The partner's email address",
        max_length=254,
        error_messages={
            "required": "Enter the partner's email address",
            "invalid": "Enter an email address like name@example.org",
        },
    )
    course = forms.ModelChoiceField(
        label="Course",
        queryset=TrainingCourse.objects.filter(active=True),
        empty_label="Choose a course",
        error_messages={
            "required": "Choose the course they completed",
            "invalid_choice": "Choose one of the courses in the list",
        },
    )
    completed_on = forms.DateField(
        label="Date they completed it",
        help_text="For example 14 3 2026. The expiry is worked out from the course.",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": "Enter the date they completed the course",
            "invalid": "Enter a real date, for example 14/03/2026",
        },
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        partner = (
            User.objects.select_related("profile")
            .filter(email__iexact=email, is_active=True)
            .first()
        )
        if partner is None or not is_partner(partner):
            raise forms.ValidationError(
                "No Lived Experience Partner has that email address"
            )
        self.partner = partner
        return email

    def clean_completed_on(self):
        day = self.cleaned_data["completed_on"]
        today = timezone.localdate()
        if day > today:
            raise forms.ValidationError("The date must be today or in the past")
        if day.year < today.year - services.OLDEST_YEARS:
            raise forms.ValidationError("Check the date: it is too long ago")
        return day


class DebriefForm(forms.Form):
    """The partner's request: how to get in touch and, if they like, a note."""

    contact_by = forms.ChoiceField(
        label="How would you like us to get in touch?",
        choices=Contact.choices,
        initial=Contact.PHONE,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how you would like us to get in touch",
            "invalid_choice": "Choose one of the ways to get in touch",
        },
    )
    note = forms.CharField(
        label="Anything you would like us to know first",
        required=False,
        max_length=NOTE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=(
            "You do not have to write anything. A good time to call, or what is on your "
            "mind, helps us get it right."
        ),
        error_messages={
            "max_length": f"Keep the note to {NOTE_LIMIT} characters or fewer",
        },
    )

    def clean_note(self):
        return clean_plain_text(self.cleaned_data.get("note"))
