"""Training courses, each partner's completions, and debrief requests.

A completion keeps the expiry worked out when it was recorded, so changing a course's
validity never rewrites past records. A debrief request is the partner's and the support
staff's only: never shown to the leader or in the pairing's history.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class TrainingCourse(models.Model):
    name = models.CharField(max_length=120, unique=True)
    provider = models.CharField(max_length=120, blank=True)
    covers = models.TextField("what it covers", max_length=1000, blank=True)
    valid_months = models.PositiveSmallIntegerField(
        "valid for (months)",
        null=True,
        blank=True,
        help_text="Leave empty if it never needs renewing.",
    )
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class TrainingCompletion(models.Model):
    partner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="training_completions",
    )
    course = models.ForeignKey(
        TrainingCourse, on_delete=models.PROTECT, related_name="completions"
    )
    completed_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-completed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "course", "completed_on"],
                name="one_completion_per_course_and_day",
            )
        ]
        indexes = [
            models.Index(fields=["expires_on"]),
            models.Index(fields=["partner", "expires_on"]),
        ]

    def __str__(self):
        return f"{self.course} on {self.completed_on:%d %b %Y}"


class DebriefRequest(models.Model):
    class Contact(models.TextChoices):
        PHONE = "phone", "A phone call"
        VIDEO = "video", "A video call"
        EMAIL = "email", "By email"
        IN_PERSON = "in_person", "In person"

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for someone to get in touch"
        ARRANGED = "arranged", "Arranged"
        DONE = "done", "Done"

    partner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="debrief_requests",
    )
    # After which session: a coaching session, or a learning set's session (an event).
    coaching_session = models.ForeignKey(
        "members.PairingSession",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    event = models.ForeignKey(
        "members.Event",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(max_length=2000, blank=True)
    contact_by = models.CharField(
        max_length=20, choices=Contact.choices, default=Contact.PHONE
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.WAITING
    )
    created_at = models.DateTimeField(default=timezone.now)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"Debrief request {self.pk}"
