"""Changing or cancelling an event that people have booked.

The owner of the event says who is told and how (a network's co-chairs email their
members); this module keeps the places right: never fewer places than are taken, more
places offered straight to the people waiting, and a cancelled event kept (with its
bookings) so it leaves every listing but its history and anyone's link still explain it.
"""

from django.db import transaction

from members.events import services
from members.events.models import BookingStatus, Event, EventBooking, EventStatus
from website import activity

activity.register_verbs({"changed": "Event changed", "cancelled": "Event cancelled"})


class ChangeError(Exception):
    """A change refused, with a message for the organiser; nothing was changed."""


TOO_FEW_PLACES = (
    "{taken} people already have a place, so there must be at least {taken} places. "
    "Ask people to cancel first if you need fewer."
)


def booked(event):
    """Everyone holding, offered or waiting for a place: the people a change concerns."""
    return list(
        EventBooking.objects.filter(event=event)
        .exclude(status=BookingStatus.CANCELLED)
        .select_related("user", "event")
        .order_by("created_at", "pk")
    )


@transaction.atomic
def change(event, *, by, **fields):
    """Write the fields that differ; returns the names of those that changed. More places
    go to the people waiting, in order. Raises ChangeError, changing nothing."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    changed = [name for name, value in fields.items() if getattr(event, name) != value]
    if not changed:
        return []
    taken = EventBooking.objects.filter(event=event, status__in=services.TAKEN).count()
    if fields.get("capacity", event.capacity) < taken:
        raise ChangeError(TOO_FEW_PLACES.format(taken=taken))
    for name in changed:
        setattr(event, name, fields[name])
    event.save(update_fields=changed)
    while services.promote_from_waiting_list(event):
        pass
    activity.record(event, by=by, verb="changed", note=", ".join(changed))
    return changed


@transaction.atomic
def cancel(event, *, by):
    """Cancel the event; returns the bookings it had (each still as it was) so the owner
    can tell those people. Their places go with it: reminders and offers stop."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    concerned = booked(event)
    event.status = EventStatus.CANCELLED
    event.save(update_fields=["status"])
    EventBooking.objects.filter(event=event, status=BookingStatus.OFFERED).update(
        status=BookingStatus.WAITING, offer_expires_at=None
    )
    activity.record(event, by=by, verb="cancelled")
    return concerned
