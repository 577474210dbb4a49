"""Retention for what people share when booking an event (the data map's "event" class)."""

from members.events.models import EventBooking, EventInvitation
from website import retention


@retention.step("cleared access needs shared for {count} past event places", order=36)
def purge_event_access_needs(now):
    """Access needs are shared so an event can work for someone; a month after it ends
    the organisers no longer need them."""
    due = EventBooking.objects.filter(
        event__ends_at__lt=now - retention.days("EVENT_ACCESS_NEEDS_DAYS", 30)
    ).exclude(access_needs="")
    return due.update(access_needs="")


@retention.step(
    "removed {count} visitor event bookings a year after the event", order=37
)
def purge_visitor_bookings(now):
    """A visitor has no account to delete, so their name and email go a year on."""
    due = EventBooking.objects.filter(
        user__isnull=True,
        event__ends_at__lt=now - retention.days("EVENT_VISITOR_BOOKING_DAYS", 365),
    )
    return due.delete()[0]


@retention.step("removed {count} event invitations a year after the event", order=38)
def purge_invitations(now):
    """An invitation names an address; once the event is a year past it has no use."""
    due = EventInvitation.objects.filter(
        event__ends_at__lt=now - retention.days("EVENT_VISITOR_BOOKING_DAYS", 365)
    )
    return due.delete()[0]
