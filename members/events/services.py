"""Booking places at events: the only writers of `EventBooking`.

The event row is locked (`select_for_update`; on SQLite the write transaction is
immediate) before places are counted, so the last place is never given twice.
"""

import re

from django.db import transaction
from django.utils import timezone

from members.events import notifications
from members.events.models import (
    BookingStatus,
    CalendarFeed,
    Event,
    EventAudience,
    EventBooking,
    EventStatus,
    new_token,
)
from members.opportunities.permissions import is_member

# What `secrets.token_urlsafe` makes; anything else is not a token of ours.
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{1,64}")


class BookingError(Exception):
    """A booking or cancellation refused, with a message for the person."""


PAST = "This event has already happened, so it cannot be booked."
CANCELLED_EVENT = "This event has been cancelled, so it cannot be booked."
ALREADY = "You have already booked this event."
MEMBERS_ONLY = "This event is for members. Sign in to book."
ALREADY_CANCELLED = "This booking is already cancelled."


def upcoming(user=None):
    """Scheduled events that have not ended; members also see members-only ones."""
    events = Event.objects.filter(
        status=EventStatus.SCHEDULED, ends_at__gte=timezone.now()
    )
    if not is_member(user):
        events = events.filter(audience=EventAudience.PUBLIC)
    return events.select_related("region").order_by("starts_at", "pk")


def past(user=None):
    events = Event.objects.filter(ends_at__lt=timezone.now())
    if not is_member(user):
        events = events.filter(audience=EventAudience.PUBLIC)
    return events.select_related("region").order_by("-starts_at", "-pk")


def visible_to(user):
    """Every event this person may open, past or future."""
    if is_member(user):
        return Event.objects.all()
    return Event.objects.filter(audience=EventAudience.PUBLIC)


def places_left(event):
    confirmed = EventBooking.objects.filter(
        event=event, status=BookingStatus.CONFIRMED
    ).count()
    return max(event.capacity - confirmed, 0)


def current_booking(user, event):
    if not (user and user.is_authenticated):
        return None
    return (
        EventBooking.objects.filter(event=event, user=user)
        .exclude(status=BookingStatus.CANCELLED)
        .first()
    )


def _check_bookable(event):
    if event.status == EventStatus.CANCELLED:
        raise BookingError(CANCELLED_EVENT)
    if event.is_past or event.starts_at < timezone.now():
        raise BookingError(PAST)


def _next_status(event):
    return BookingStatus.CONFIRMED if places_left(event) > 0 else BookingStatus.WAITING


@transaction.atomic
def book(event, *, user=None, name="", email="", access_needs=""):
    """Give a member (`user`) or a visitor (`name`, `email`) a place, or a waiting-list
    spot when the event is full; emails them. Raises BookingError, changing nothing."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    _check_bookable(event)
    if user is not None:
        if event.audience != EventAudience.PUBLIC and not is_member(user):
            raise BookingError(MEMBERS_ONLY)
        existing = EventBooking.objects.filter(event=event, user=user).first()
        if existing and existing.status != BookingStatus.CANCELLED:
            raise BookingError(ALREADY)
    else:
        if event.audience != EventAudience.PUBLIC:
            raise BookingError(MEMBERS_ONLY)
        existing = None
        earlier = (
            EventBooking.objects.filter(
                event=event, user__isnull=True, email__iexact=email
            )
            .exclude(status=BookingStatus.CANCELLED)
            .first()
        )
        if earlier is not None:
            # Whoever typed this address is told only what any booking is told ("we have
            # emailed you"), so the form never reveals who has booked; the address's
            # owner gets their booking's email and manage link again.
            notifications.booked(earlier)
            return earlier
    status = _next_status(event)
    if existing:  # a member booking again after cancelling: back of the queue
        existing.status = status
        existing.access_needs = access_needs
        existing.created_at = timezone.now()
        existing.save(
            update_fields=["status", "access_needs", "created_at", "updated_at"]
        )
        booking = existing
    else:
        booking = EventBooking.objects.create(
            event=event,
            user=user,
            name="" if user else name,
            email="" if user else email,
            status=status,
            access_needs=access_needs,
        )
    notifications.booked(booking)
    return booking


@transaction.atomic
def cancel(booking):
    """Cancel one booking; a freed place goes to the first person waiting, who is told.
    Returns the promoted booking or None. Raises BookingError if already cancelled."""
    Event.objects.select_for_update().get(pk=booking.event_id)
    booking = EventBooking.objects.select_related("event").get(pk=booking.pk)
    if booking.status == BookingStatus.CANCELLED:
        raise BookingError(ALREADY_CANCELLED)
    was_confirmed = booking.status == BookingStatus.CONFIRMED
    booking.status = BookingStatus.CANCELLED
    booking.access_needs = ""  # shared for attending; no longer needed
    booking.save(update_fields=["status", "access_needs", "updated_at"])
    if was_confirmed and not booking.event.is_past:
        return promote_from_waiting_list(booking.event)
    return None


def promote_from_waiting_list(event):
    if places_left(event) <= 0:
        return None
    promoted = (
        EventBooking.objects.filter(event=event, status=BookingStatus.WAITING)
        .select_related("user", "event")
        .order_by("created_at", "pk")
        .first()
    )
    if promoted:
        promoted.status = BookingStatus.CONFIRMED
        promoted.save(update_fields=["status", "updated_at"])
        notifications.place_confirmed(promoted)
    return promoted


def booking_by_token(token):
    """A visitor's booking from their manage link, or None for a bad or old token."""
    token = str(token or "")
    if not TOKEN_SHAPE.fullmatch(token):  # NUL and other junk never reach the database
        return None
    return (
        EventBooking.objects.filter(token=token, user__isnull=True)
        .select_related("event")
        .first()
    )


def member_bookings(user):
    return (
        EventBooking.objects.filter(user=user)
        .exclude(status=BookingStatus.CANCELLED)
        .select_related("event")
        .order_by("event__starts_at", "pk")
    )


def feed_for(user):
    """The member's private feed, made on first use."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


@transaction.atomic
def reset_feed(user):
    """A new private address; the old one stops working at once."""
    feed = feed_for(user)
    feed.token = new_token()
    feed.save(update_fields=["token"])
    return feed


def feed_bookings(token):
    """The confirmed bookings behind a private feed token, or None for a bad token."""
    token = str(token or "")
    if not TOKEN_SHAPE.fullmatch(token):  # NUL and other junk never reach the database
        return None
    feed = CalendarFeed.objects.filter(token=token).only("user_id").first()
    if feed is None:
        return None
    return list(
        EventBooking.objects.filter(
            user_id=feed.user_id,
            status=BookingStatus.CONFIRMED,
            event__status=EventStatus.SCHEDULED,
        )
        .select_related("event")
        .order_by("event__starts_at")
    )
