"""A safeguarding or wellbeing concern, and the record of everyone who opened one.

Concerns are the most sensitive records Voices holds. They are read only by the designated
safeguarding leads (`roles.SAFEGUARDING`), never appear in the activity history, exports,
figures or the person's data export, and are erased by their own retention period.
`members.safeguarding.services` is the only writer.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Concern(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    about_self = models.BooleanField(
        default=False, help_text="The person raising it is worried about themselves."
    )
    person_concerned = models.CharField(
        "who the concern is about", max_length=200, blank=True
    )
    others_involved = models.TextField(
        "who else is involved", max_length=2000, blank=True
    )
    what_happened = models.TextField(max_length=5000)
    happened_on = models.DateField("when it happened", null=True, blank=True)
    immediate_risk = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.TextField("what was done", max_length=5000, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        # The log filters by status and risk, newest first.
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["immediate_risk", "created_at"]),
        ]

    def __str__(self):
        return f"Concern {self.pk}"


class ConcernView(models.Model):
    """Who opened a concern (or the log) and when: kept with the concern, erased with it."""

    concern = models.ForeignKey(
        Concern, null=True, blank=True, on_delete=models.CASCADE, related_name="views"
    )
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(max_length=20, default="viewed")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["concern", "at"])]

    def __str__(self):
        return f"{self.action} concern {self.concern_id}"
