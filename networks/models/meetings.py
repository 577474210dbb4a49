"""Network meetings and who has a place at them."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone


class MeetingFormat(models.TextChoices):
    ONLINE = "online", "Online"
    IN_PERSON = "in_person", "In person"
    HYBRID = "hybrid", "Hybrid (in person and online)"


class Meeting(models.Model):
    """A network meeting members register for; joining details are for members only."""

    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(max_length=150)
    starts_at = models.DateTimeField(help_text="Stored in UTC, shown in UK time.")
    ends_at = models.DateTimeField()
    format = models.CharField(
        max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.ONLINE
    )
    place_summary = models.CharField(
        max_length=200,
        blank=True,
        help_text="Public: a town or 'Online', never a full address or link.",
    )
    joining_details = models.TextField(
        blank=True,
        max_length=2000,
        help_text="Address or joining link and instructions; shown to network members only.",
    )
    accessibility = models.TextField(
        blank=True,
        max_length=2000,
        help_text="Step-free access, captions, BSL, breaks, expenses and how to ask.",
    )
    places = models.PositiveIntegerField(validators=[MinValueValidator(1)])
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "meeting"
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="meeting_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_past(self):
        return self.ends_at < timezone.now()


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Place confirmed"
    WAITING = "waiting", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"


class MeetingRegistration(models.Model):
    """A member's place (or waiting-list spot) at a meeting; see services for the locking."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="meeting_registrations",
    )
    status = models.CharField(max_length=20, choices=RegistrationStatus.choices)
    # Only what the member chose to share for this booking; their profile is not read
    # again. Cleared when they cancel and by retention once the meeting is over.
    access_needs = models.TextField(
        "access needs shared for this meeting",
        blank=True,
        help_text="Special-category data: shown only to this network's co-chairs.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "meeting registration"
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "user"], name="meeting_registration_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.meeting} ({self.get_status_display()})"
