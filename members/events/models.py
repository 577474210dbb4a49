"""Programme events (webinars, workshops, advisory groups) and the places people book.

Only `members.events.services` writes bookings; staff manage events in the admin.
"""

import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify

from members.events.choices import (  # noqa: F401 - imported from here by every feature
    BookingStatus,
    EventAudience,
    EventFormat,
    EventKind,
    EventStatus,
)

LONGEST_REMINDER_DAYS = 60
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{1,64}")  # what new_token makes, and no junk


def reminder_days(text):
    """The days before an event to send reminders, largest first: "7,1" gives [7, 1]."""
    days = set()
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= LONGEST_REMINDER_DAYS:
            raise ValidationError(
                f"Use whole numbers of days from 1 to {LONGEST_REMINDER_DAYS}, "
                "separated by commas, for example 7, 1."
            )
        days.add(int(part))
    if len(days) > 4:
        raise ValidationError("Send at most four reminders.")
    return sorted(days, reverse=True)


def validate_reminder_days(text):
    reminder_days(text)


def new_token():
    """An unguessable token for a visitor's manage link or a member's private feed."""
    return secrets.token_urlsafe(32)


def well_formed(token):
    """The token as text if it could be one of ours, else None (junk never queried)."""
    token = str(token or "")
    return token if TOKEN_SHAPE.fullmatch(token) else None


VENUE_HELP = "Plain text, shown on the public event page. Leave empty if not known."


class Event(models.Model):
    """A programme event people book a place at; the joining link is for booked people."""

    title = models.CharField(max_length=150)
    slug = models.SlugField(max_length=80, unique=True)
    summary = models.CharField(
        max_length=300, help_text="One or two sentences for the listing."
    )
    description = models.TextField(
        blank=True,
        max_length=10000,
        help_text="Plain text; blank lines start paragraphs.",
    )
    kind = models.CharField(
        max_length=20, choices=EventKind.choices, default=EventKind.WEBINAR
    )
    audience = models.CharField(
        max_length=20, choices=EventAudience.choices, default=EventAudience.PUBLIC
    )
    format = models.CharField(
        max_length=20, choices=EventFormat.choices, default=EventFormat.ONLINE
    )
    joining_link = models.URLField(
        blank=True,
        max_length=500,
        help_text="Shown only to people with a confirmed place (page, email, calendar).",
    )
    joining_details = models.TextField(
        blank=True,
        max_length=2000,
        help_text=(
            "Anything else people need to join (a phone number, a room, who to ask for). "
            "Shown only to people with a confirmed place."
        ),
    )
    venue_name = models.CharField(max_length=150, blank=True)
    venue_address = models.TextField(blank=True, max_length=500)
    step_free_route = models.TextField(
        "step-free route", blank=True, max_length=1000, help_text=VENUE_HELP
    )
    hearing_loop = models.TextField(blank=True, max_length=1000, help_text=VENUE_HELP)
    quiet_room = models.TextField(blank=True, max_length=1000, help_text=VENUE_HELP)
    accessible_parking = models.TextField(
        "nearest accessible parking", blank=True, max_length=1000, help_text=VENUE_HELP
    )
    access_notes = models.TextField(
        "other access information",
        blank=True,
        max_length=2000,
        help_text="Captions, BSL, breaks, expenses and how to ask for anything else.",
    )
    starts_at = models.DateTimeField(help_text="Stored in UTC, shown in UK time.")
    ends_at = models.DateTimeField()
    capacity = models.PositiveIntegerField("places", validators=[MinValueValidator(1)])
    region = models.ForeignKey(
        "home.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    reminders = models.CharField(
        "reminders (days before)",
        max_length=20,
        blank=True,
        default="7, 1",
        validators=[validate_reminder_days],
        help_text=(
            "How many days before the event to remind everyone with a place, separated by "
            "commas, for example 7, 1. Leave empty to send no reminders."
        ),
    )
    co_led_by_partner = models.BooleanField(
        "co-led by a Lived Experience Partner",
        default=False,
        help_text="A partner chaired, co-chaired or co-led it: counted as power shared.",
    )
    # When the event's feedback form went to the people who came (once, after it).
    feedback_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "event"
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["status", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="event_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"/events/{self.slug}/"

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @property
    def is_online(self):
        return self.format in (EventFormat.ONLINE, EventFormat.BOTH)

    @property
    def is_in_person(self):
        return self.format in (EventFormat.IN_PERSON, EventFormat.BOTH)


class EventBooking(models.Model):
    """A member's or visitor's place (or waiting-list spot) at an event."""

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="bookings")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="event_bookings",
    )
    name = models.CharField(max_length=150, blank=True)
    email = models.EmailField(blank=True)
    status = models.CharField(max_length=20, choices=BookingStatus.choices)
    # Only what the person chose to share for this booking; cleared on cancelling and by
    # retention 30 days after the event.
    access_needs = models.TextField(
        "access needs shared for this event",
        blank=True,
        help_text=(
            "Special-category data: shown only to the organisers (programme staff; a "
            "network's co-chairs for its meetings)."
        ),
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    # A place offered from the waiting list is held for this person until then.
    offer_expires_at = models.DateTimeField("confirm by", null=True, blank=True)
    # Marked by an organiser after the event: None until marked.
    attended = models.BooleanField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "event booking"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=models.Q(user__isnull=False),
                name="event_booking_unique_user",
            ),
            models.UniqueConstraint(
                "event",
                models.functions.Lower("email"),
                condition=models.Q(user__isnull=True) & ~models.Q(status="cancelled"),
                name="event_booking_unique_visitor_email",
            ),
        ]

    def __str__(self):
        return f"{self.display_name} – {self.event} ({self.get_status_display()})"

    @property
    def display_name(self):
        if self.user_id:
            return getattr(self.user, "display_name", "") or "Member"
        return self.name

    @property
    def is_offered(self):
        return self.status == BookingStatus.OFFERED

    @property
    def contact_email(self):
        return self.user.email if self.user_id else self.email


class EventInvitation(models.Model):
    """An address an organiser invited to an invited-only event. The token in the
    invitation email opens the event and books it, with or without an account; a
    signed-in person whose address is invited needs no token."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    token = models.CharField(max_length=64, unique=True, default=new_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "event invitation"
        ordering = ["invited_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "event", models.functions.Lower("email"), name="event_invitation_once"
            )
        ]

    def __str__(self):
        return f"Invitation to {self.event_id}"


class CalendarFeed(models.Model):
    """A member's private calendar address: the token is the only key, reset by POST."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "private calendar feed"

    def __str__(self):
        return f"Calendar feed of {self.user_id}"


class EventReminder(models.Model):
    """A reminder sent for one booking, written in the same transaction that queues the
    email: the unique pair means a reminder never goes twice, even from two runs at once."""

    booking = models.ForeignKey(
        EventBooking, on_delete=models.CASCADE, related_name="reminders_sent"
    )
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "event reminder"
        constraints = [
            models.UniqueConstraint(
                fields=["booking", "days_before"], name="event_reminder_once"
            )
        ]

    def __str__(self):
        return f"Reminder {self.days_before} days before, booking {self.booking_id}"


class PaperKind(models.TextChoices):
    PAPER = "paper", "Paper (agenda, slides, reading)"
    MINUTES = "minutes", "Minutes or notes of the meeting"


class PaperVisibility(models.TextChoices):
    PUBLIC = "public", "Anyone who can see the event"
    MEMBERS = "members", "Members only"


def paper_path(paper, filename):
    """A random stored name: the organiser's file name never reaches the storage."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"event-papers/{secrets.token_urlsafe(18)}.{extension}"


class EventPaper(models.Model):
    """A document for an event (papers before it, minutes after), downloaded only through
    the event's own page, which checks who may read it; the file is never in public media."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=150)
    kind = models.CharField(
        max_length=20, choices=PaperKind.choices, default=PaperKind.PAPER
    )
    visibility = models.CharField(
        "who can read it",
        max_length=20,
        choices=PaperVisibility.choices,
        default=PaperVisibility.MEMBERS,
    )
    file = models.FileField(upload_to=paper_path, max_length=200)
    extension = models.CharField(max_length=8)
    size = models.PositiveIntegerField("size in bytes")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "event paper"
        ordering = ["kind", "uploaded_at", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"/events/{self.event.slug}/papers/{self.pk}/{self.download_name}"

    @property
    def is_public(self):
        return self.visibility == PaperVisibility.PUBLIC

    @property
    def kind_label(self):
        return "Minutes" if self.kind == PaperKind.MINUTES else "Paper"

    @property
    def download_name(self):
        """The title as a safe file name, with the checked extension."""
        stem = slugify(self.title)[:80] or "paper"
        return f"{stem}.{self.extension}"
