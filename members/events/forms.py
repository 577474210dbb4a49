"""One form per action: a member booking, a visitor booking, the listing filters and an
organiser's paper."""

from datetime import datetime

from django import forms
from django.utils import timezone

from home.models.snippets import Region
from members.enquiries.forms import CleanCharField
from members.events import invitations
from members.events.models import EventKind, PaperKind, PaperVisibility
from website.access_needs import SharedNeedsMixin, needs_field, share_field
from website.uploads import document_content_problem


class MemberBookingForm(SharedNeedsMixin, forms.Form):
    """A signed-in member books in one step; saved access needs are offered, shared only
    if ticked, for this event alone."""

    access_needs = needs_field(
        CleanCharField, "Access needs for this event", "this event"
    )
    share_access_needs = share_field(
        "Share these access needs with the organisers of this event",
        "Only the people running this event see it (programme staff, or the network's "
        "co-chairs for a network meeting). Your profile is not changed.",
    )


class VisitorBookingForm(forms.Form):
    """Someone without an account books a public event with a name and an email."""

    name = CleanCharField(
        label="Your name",
        max_length=150,
        error_messages={
            "required": "Enter your name",
            "max_length": "Keep your name to 150 characters or fewer",
        },
    )
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="We send your booking and a link to cancel it here.",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address like name@example.org",
            "max_length": "Keep the email address to 254 characters or fewer",
        },
    )
    access_needs = CleanCharField(
        label="Access needs",
        multiline=True,
        required=False,
        max_length=2000,
        help_text="Anything that would help you take part. Only the programme staff "
        "running this event see it, and it is deleted 30 days after the event.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "Keep this to 2,000 characters or fewer"},
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


FORMAT_CHOICES = [("", "Any"), ("online", "Online"), ("in_person", "In person")]


MONTHS_OFFERED = 12


def _months(past):
    """(value, label) for the twelve months ahead (or, for past events, behind), in UK time."""
    today = timezone.localdate()
    year, month = today.year, today.month
    found = []
    for _ in range(MONTHS_OFFERED):
        found.append(
            (f"{year}-{month:02d}", datetime(year, month, 1).strftime("%B %Y"))
        )
        month += -1 if past else 1
        if month == 0:
            year, month = year - 1, 12
        elif month == 13:
            year, month = year + 1, 1
    return found


def _month_bounds(value):
    """The first moment of the month and of the next, aware in the site's time zone."""
    year, month = (int(part) for part in value.split("-"))
    start = timezone.make_aware(datetime(year, month, 1))
    following = datetime(year + month // 12, month % 12 + 1, 1)
    return start, timezone.make_aware(following)


class EventFilterForm(forms.Form):
    """The listing's filters; anything unknown is ignored rather than an error."""

    kind = forms.ChoiceField(
        label="Kind of event", required=False, choices=[("", "Any"), *EventKind.choices]
    )
    format = forms.ChoiceField(
        label="Online or in person", required=False, choices=FORMAT_CHOICES
    )
    region = forms.ChoiceField(label="Region", required=False)
    month = forms.ChoiceField(label="Month", required=False)

    def __init__(self, *args, past=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [
            ("", "Any"),
            *((r.slug, r.name) for r in Region.objects.order_by("name")),
        ]
        self.fields["month"].choices = [("", "Any month"), *_months(past)]

    def filtered(self, events):
        self.is_valid()
        # Each filter that makes sense is applied, whatever the others say.
        data = self.cleaned_data
        if data.get("kind"):
            events = events.filter(kind=data["kind"])
        if data.get("format") == "online":
            events = events.filter(format__in=("online", "both"))
        elif data.get("format") == "in_person":
            events = events.filter(format__in=("in_person", "both"))
        if data.get("region"):
            events = events.filter(region__slug=data["region"])
        if data.get("month"):
            start, end = _month_bounds(data["month"])
            events = events.filter(starts_at__gte=start, starts_at__lt=end)
        return events


PAPER_EXTENSIONS = ("pdf", "docx", "odt", "xlsx")
PAPER_MAX_BYTES = 10 * 1024 * 1024


class PaperForm(forms.Form):
    """An organiser adds a paper or the minutes: the file's type is checked by its contents,
    not only its name (website.uploads), and its size before anything is stored."""

    title = CleanCharField(
        label="Title",
        max_length=150,
        help_text="What people will see, for example 'Agenda' or 'Minutes of the meeting'.",
        error_messages={
            "required": "Enter a title for the paper",
            "max_length": "Keep the title to 150 characters or fewer",
        },
    )
    kind = forms.ChoiceField(
        label="What it is",
        choices=PaperKind.choices,
        initial=PaperKind.PAPER,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the paper is"},
    )
    visibility = forms.ChoiceField(
        label="Who can read it",
        choices=PaperVisibility.choices,
        initial=PaperVisibility.MEMBERS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who can read the paper"},
    )
    file = forms.FileField(
        label="File",
        help_text="A PDF, Word (.docx), OpenDocument (.odt) or Excel (.xlsx) file up to "
        "10 MB. A PDF is easiest for most people to open.",
        error_messages={
            "required": "Choose a file to upload",
            "empty": "The file you chose is empty. Choose the file again.",
            "invalid": "Choose a file to upload",
        },
        widget=forms.FileInput(attrs={"accept": ".pdf,.docx,.odt,.xlsx"}),
    )
    tell = forms.BooleanField(
        label="Email everyone with a place that it is ready",
        required=False,
        initial=True,
        help_text="For a members-only paper, only members with a place are emailed.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name or ""
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if extension not in PAPER_EXTENSIONS:
            raise forms.ValidationError(
                "Upload a PDF, Word (.docx), OpenDocument (.odt) or Excel (.xlsx) file."
            )
        if upload.size > PAPER_MAX_BYTES:
            raise forms.ValidationError(
                "The file is larger than 10 MB. Save a smaller copy (for example a PDF "
                "without large pictures) and upload that."
            )
        problem = document_content_problem(name, upload)
        if problem:
            raise forms.ValidationError(problem)
        return upload


class InvitationForm(forms.Form):
    """An organiser pastes the addresses to invite; each must be a real address."""

    addresses = CleanCharField(
        label="Email addresses to invite",
        multiline=True,
        widget=forms.Textarea(attrs={"rows": 8, "autocomplete": "off"}),
        max_length=20000,
        help_text="One per line, or separated by commas. Up to 200 at once. Each person "
        "is emailed their own link to book, with or without an account.",
        error_messages={
            "required": "Enter at least one email address",
            "max_length": "That is too much text at once. Invite up to 200 people at a "
            "time.",
        },
    )

    def clean_addresses(self):
        found, wrong = invitations.parse(self.cleaned_data["addresses"])
        if wrong:
            shown = ", ".join(part[:60] for part in wrong[:5])
            more = f" and {len(wrong) - 5} more" if len(wrong) > 5 else ""
            raise forms.ValidationError(
                f"These are not email addresses: {shown}{more}. Correct or remove them "
                "and try again."
            )
        if not found:
            raise forms.ValidationError("Enter at least one email address")
        return found
