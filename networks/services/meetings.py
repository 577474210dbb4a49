"""Network meetings are events of the network (members.events): co-chairs add, change and
cancel them here, and the network's members are told in the network's words. Booking, the
waiting list, reminders, attendance and papers are the events feature's, as for any event."""

from django.db import transaction
from django.utils import timezone

from members.events import changes
from members.events.models import (
    BookingStatus,
    Event,
    EventAudience,
    EventBooking,
    EventKind,
    EventStatus,
)
from members.events.services import TAKEN
from members.events.slugs import free_slug
from networks import notifications
from networks.models import NetworkEvent
from networks.services.errors import NetworkActionError


def network_events(network):
    """Every event the network organises, cancelled ones included."""
    return Event.objects.filter(network_link__network_id=network.pk)


def upcoming_meetings(network):
    """The network's scheduled events that have not ended, soonest first."""
    return (
        network_events(network)
        .filter(status=EventStatus.SCHEDULED, ends_at__gte=timezone.now())
        .select_related("region")
        .order_by("starts_at", "pk")
    )


@transaction.atomic
def add_meeting(user, network, **fields):
    """A co-chair adds a meeting: an event of the network, booked by its members."""
    event = Event.objects.create(
        slug=free_slug(fields["title"], fields["starts_at"], "network-meeting"),
        summary=f"A meeting of the {network.title}."[:300],
        kind=EventKind.NETWORK_MEETING,
        audience=EventAudience.NETWORK,
        region_id=network.region_id,
        **fields,
    )
    NetworkEvent.objects.create(event=event, network=network, added_by=user)
    return event


# What a booked member is told when a co-chair changes a meeting. Joining details and
# accessibility can be long, so the email says they changed and the page has the text.
CHANGE_LABELS = {
    "title": "Title",
    "starts_at": "Starts",
    "ends_at": "Ends",
    "format": "How",
    "venue_name": "Where",
    "joining_link": "Joining link",
    "joining_details": "Joining details",
    "access_notes": "Accessibility information",
    "capacity": "Number of places",
}


def change_meeting(user, network, event, **fields):
    """A co-chair edits a meeting. Booked members are emailed what changed; more places
    go to the waiting list. Returns the labels of what changed (empty: nothing)."""
    try:
        changed = changes.change(event, by=user, **fields)
    except changes.ChangeError as refused:
        raise NetworkActionError(str(refused)) from refused
    if not changed:
        return []
    event.refresh_from_db()
    labels = [CHANGE_LABELS.get(name, name) for name in changed]
    # Places alone concern nobody already booked: their place is theirs either way.
    if set(changed) - {"capacity"}:
        notifications.meeting_changed(network, event, changes.booked(event), labels)
    return labels


def cancel_meeting(user, network, event):
    """A co-chair cancels a meeting: each booked member is emailed, and it leaves the
    network page. Returns how many people were told."""
    booked = changes.cancel(event, by=user)
    notifications.meeting_cancelled(network, event, booked)
    return len(booked)


def bookings_of(event):
    """Who has a place or is waiting, in order, for the co-chairs' list."""
    return (
        EventBooking.objects.filter(event=event)
        .exclude(status=BookingStatus.CANCELLED)
        .select_related("user")
        .order_by("status", "created_at", "pk")
    )


def taken_places(event):
    return EventBooking.objects.filter(event=event, status__in=TAKEN).count()
