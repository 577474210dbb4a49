"""The core's tables: the history of any record (website/activity.py) and the text-message
outbox (website/sms.py)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class Activity(models.Model):
    """One line of a record's history: who did what, when, from which state to which.

    Enquiries, interests, pairings, co-chair updates and claims all write here through
    `website.activity.record` (usually via a workflow transition). `visibility` says who may
    read the line: staff only, or the record's participants too (the member, the leader).
    """

    class Visibility(models.TextChoices):
        STAFF = "staff", "Staff only"
        PARTICIPANTS = "participants", "Participants and staff"

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(
        max_length=200, blank=True, help_text="Kept as written at the time, erasable."
    )
    actor_role = models.CharField(max_length=20, blank=True)
    verb = models.CharField(max_length=40)
    from_state = models.CharField(max_length=30, blank=True)
    to_state = models.CharField(max_length=30, blank=True)
    note = models.TextField(max_length=2000, blank=True)
    visibility = models.CharField(
        max_length=20, choices=Visibility.choices, default=Visibility.STAFF
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "activity"
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "created_at"],
                name="activity_record_idx",
            )
        ]

    def __str__(self):
        return f"{self.verb} on {self.content_type_id}:{self.object_id}"


class TextMessage(models.Model):
    """One SMS waiting to go, or gone: the text-message side of the outbox (website/sms.py).

    Written in the caller's transaction like queued email, delivered by the outbox worker,
    tried three times, and deleted OUTBOX_RETENTION_DAYS after it was made.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to be sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Could not be sent"

    to = models.CharField("mobile number", max_length=20)
    text = models.TextField(max_length=480)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    about = models.CharField(
        max_length=100, blank=True, help_text="The record it concerns (app.model:pk)."
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["status", "id"], name="textmessage_queue_idx")]

    def __str__(self):
        return f"Text message {self.pk} ({self.status})"
