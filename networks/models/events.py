"""Which events a network organises: its meetings are events like any other (booking,
reminders, attendance, papers live in members.events); this link says whose they are."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class NetworkEvent(models.Model):
    """One event organised by one network, whose co-chairs organise it."""

    event = models.OneToOneField(
        "members.Event", on_delete=models.CASCADE, related_name="network_link"
    )
    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="event_links"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    added_at = models.DateTimeField(default=timezone.now)
    # The id the meeting had before meetings became events, so links in old emails and
    # calendars still find it.
    former_meeting_id = models.PositiveIntegerField(null=True, blank=True, unique=True)

    class Meta:
        verbose_name = "network event"

    def __str__(self):
        return f"{self.event_id} of network {self.network_id}"
