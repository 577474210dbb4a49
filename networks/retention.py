"""Retention for what members share when booking a meeting (the data map's "network" class)."""

from networks.models.meetings import MeetingRegistration
from website import retention


@retention.step("cleared access needs shared for {count} past meeting places", order=35)
def purge_meeting_access_needs(now):
    """Access needs are shared so a meeting can work for someone; a month after it ends
    the co-chairs no longer need them, and the member can share again next time."""
    due = MeetingRegistration.objects.filter(
        meeting__ends_at__lt=now - retention.days("MEETING_ACCESS_NEEDS_DAYS", 30)
    ).exclude(access_needs="")
    return due.update(access_needs="")
