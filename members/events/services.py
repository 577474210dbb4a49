"""Booking places at events: the only writers of `EventBooking`.

The event row is locked (`select_for_update`; on SQLite the write transaction is
immediate) before places are counted, so the last place is never given twice.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import formats, timezone

from members.events import attendance, invitations, notifications, owners
from members.events.models import (
    BookingStatus,
    CalendarFeed,
    Event,
    EventAudience,
    EventBooking,
    EventPaper,
    EventStatus,
    PaperKind,
    new_token,
    well_formed,
)
from members.opportunities.permissions import is_member


class BookingError(Exception):
    """A booking or cancellation refused, with a message for the person."""


PAST = "This event has already happened, so it cannot be booked."
CANCELLED_EVENT = "This event has been cancelled, so it cannot be booked."
ALREADY = "You have already booked this event."
MEMBERS_ONLY = "This event is for members. Sign in to book."
NETWORK_ONLY = (
    "This meeting is for members of the network that organises it. Join the network "
    "to book a place."
)
NOT_INVITED = (
    "This event is for people who were invited. Use the link in your invitation email "
    "to book."
)
# Anyone may read about these; who may book is checked when they book.
OPEN_TO_READ = (EventAudience.PUBLIC, EventAudience.NETWORK)
ALREADY_CANCELLED = "This booking is already cancelled."
NO_OFFER = "There is no place waiting for you to confirm on this booking."
# Often said before the hourly job has passed the place on: it claims no more than that.
OFFER_ENDED = (
    "The time to confirm this place ended at {deadline}, so it is no longer held for "
    "you. You can book again if places are left."
)

# Places held for someone's answer count as taken, so nobody else is given them meanwhile.
TAKEN = (BookingStatus.CONFIRMED, BookingStatus.OFFERED)


def readable(user):
    """A Q on events: those this person may see listed and open (organisers see more).
    Members also see members-only events; invited-only ones only the people invited."""
    shown = Q(audience__in=OPEN_TO_READ)
    if is_member(user):
        shown |= Q(audience=EventAudience.MEMBERS)
    return shown | invitations.invited_q(user)


def upcoming(user=None):
    """Scheduled events that have not ended, of those this person may see."""
    events = Event.objects.filter(
        readable(user), status=EventStatus.SCHEDULED, ends_at__gte=timezone.now()
    )
    return events.select_related("region").order_by("starts_at", "pk")


def past(user=None):
    """Events that have ended, newest first, each saying whether it has minutes (in the
    same query), so past meetings stay findable by what was decided."""
    events = Event.objects.filter(readable(user), ends_at__lt=timezone.now())
    minutes = EventPaper.objects.filter(event=OuterRef("pk"), kind=PaperKind.MINUTES)
    return (
        events.annotate(has_minutes=Exists(minutes))
        .select_related("region")
        .order_by("-starts_at", "-pk")
    )


def visible_to(user):
    """Every event this person may open, past or future: programme staff open every
    event; others those `readable` lets them see. (An invitation's token opens its
    event too: see views.)"""
    if attendance.can_mark(user, None):
        return Event.objects.all()
    return Event.objects.filter(readable(user))


def places_left(event):
    taken = EventBooking.objects.filter(event=event, status__in=TAKEN).count()
    return max(event.capacity - taken, 0)


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
def book(event, *, user=None, name="", email="", access_needs="", invitation=None):
    """Give a member (`user`) or a visitor (`name`, `email`) a place, or a waiting-list
    spot when the event is full; emails them. `invitation`: the one whose link they
    followed, for an invited-only event (a visitor books with its address). Raises
    BookingError, changing nothing."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    _check_bookable(event)
    if invitation is not None and invitation.event_id != event.pk:
        invitation = None
    if event.audience == EventAudience.INVITED:
        if invitation is None and not invitations.is_invited(user, event):
            raise BookingError(NOT_INVITED)
        if user is None:
            email = invitation.email
    if user is not None:
        if event.audience == EventAudience.NETWORK:
            if not owners.may_book(user, event):
                raise BookingError(NETWORK_ONLY)
        elif event.audience == EventAudience.MEMBERS and not is_member(user):
            raise BookingError(MEMBERS_ONLY)
        existing = EventBooking.objects.filter(event=event, user=user).first()
        if existing and existing.status != BookingStatus.CANCELLED:
            raise BookingError(ALREADY)
    else:
        if event.audience == EventAudience.NETWORK:
            raise BookingError(NETWORK_ONLY)
        if event.audience not in (EventAudience.PUBLIC, EventAudience.INVITED):
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
    held_a_place = booking.status in TAKEN
    _let_go(booking)
    event = booking.event
    if held_a_place and not event.is_past and event.status == EventStatus.SCHEDULED:
        return promote_from_waiting_list(booking.event)
    return None


def _let_go(booking):
    booking.status = BookingStatus.CANCELLED
    booking.access_needs = ""  # shared for attending; no longer needed
    booking.offer_expires_at = None
    booking.save(
        update_fields=["status", "access_needs", "offer_expires_at", "updated_at"]
    )


def offer_deadline(event, now):
    """Until when a freed place is held for the first person waiting: the setting
    EVENT_OFFER_HOURS (default 48), but never later than an hour before the start. None
    when that leaves too little time to answer: the place is then simply given."""
    hours = int(getattr(settings, "EVENT_OFFER_HOURS", 48))
    deadline = min(now + timedelta(hours=hours), event.starts_at - timedelta(hours=1))
    return deadline if deadline - now >= timedelta(hours=SHORTEST_OFFER_HOURS) else None


SHORTEST_OFFER_HOURS = 3


def promote_from_waiting_list(event, now=None):
    """Offer a freed place to the first person waiting (or give it, close to the
    start), and tell them. Runs with the event row locked. A cancelled event offers
    nothing: its places went with it."""
    if event.status != EventStatus.SCHEDULED or places_left(event) <= 0:
        return None
    promoted = (
        EventBooking.objects.filter(event=event, status=BookingStatus.WAITING)
        .select_related("user", "event")
        .order_by("created_at", "pk")
        .first()
    )
    if promoted is None:
        return None
    deadline = offer_deadline(event, now or timezone.now())
    if deadline is None:
        promoted.status = BookingStatus.CONFIRMED
        promoted.save(update_fields=["status", "updated_at"])
        notifications.place_confirmed(promoted)
    else:
        promoted.status = BookingStatus.OFFERED
        promoted.offer_expires_at = deadline
        promoted.save(update_fields=["status", "offer_expires_at", "updated_at"])
        notifications.place_offered(promoted)
    return promoted


def deadline_text(moment):
    return formats.date_format(timezone.localtime(moment), "l j F, g:i a")


@transaction.atomic
def confirm_offer(booking, now=None):
    """The person takes the place offered to them. Raises BookingError, changing
    nothing, when there is no open offer or its deadline has passed."""
    Event.objects.select_for_update().get(pk=booking.event_id)
    booking = EventBooking.objects.select_related("event", "user").get(pk=booking.pk)
    if booking.status != BookingStatus.OFFERED:
        raise BookingError(
            ALREADY if booking.status == BookingStatus.CONFIRMED else NO_OFFER
        )
    if booking.offer_expires_at and booking.offer_expires_at <= (now or timezone.now()):
        raise BookingError(
            OFFER_ENDED.format(deadline=deadline_text(booking.offer_expires_at))
        )
    booking.status = BookingStatus.CONFIRMED
    booking.offer_expires_at = None
    booking.save(update_fields=["status", "offer_expires_at", "updated_at"])
    notifications.booked(booking)
    return booking


def lapse_expired_offers(now=None):
    """Offers nobody confirmed in time: the person is told, and the place is offered to
    the next person waiting. Each offer in its own transaction, with the event locked, so
    a confirmation at the same moment either wins or is refused. Returns how many."""
    now = now or timezone.now()
    expired = list(
        EventBooking.objects.filter(
            status=BookingStatus.OFFERED, offer_expires_at__lte=now
        )
        .order_by("offer_expires_at", "pk")
        .values_list("pk", "event_id")[:LAPSE_BATCH]
    )
    lapsed = 0
    for pk, event_id in expired:
        with transaction.atomic():
            event = Event.objects.select_for_update().get(pk=event_id)
            booking = (
                EventBooking.objects.select_related("user", "event")
                .filter(pk=pk, status=BookingStatus.OFFERED)
                .first()
            )
            if booking is None:  # confirmed or cancelled meanwhile
                continue
            _let_go(booking)
            notifications.offer_lapsed(booking)
            lapsed += 1
            if not event.is_past and event.status == EventStatus.SCHEDULED:
                promote_from_waiting_list(event, now)
    return lapsed


# An hourly run handles at most this many; any left over go at the next run.
LAPSE_BATCH = 1000


def booking_by_token(token):
    """A visitor's booking from their manage link, or None for a bad or old token."""
    token = well_formed(token)
    if token is None:
        return None
    return (
        EventBooking.objects.filter(token=token, user__isnull=True)
        .select_related("event")
        .first()
    )


def open_offers(user):
    """Places offered to this member and not yet confirmed, soonest deadline first."""
    return (
        EventBooking.objects.filter(user=user, status=BookingStatus.OFFERED)
        .select_related("event")
        .only("offer_expires_at", "event__title", "event__slug", "event__starts_at")
        .order_by("offer_expires_at", "pk")
    )


def member_bookings(user):
    """The member's places, each saying whether its event has minutes (same query)."""
    minutes = EventPaper.objects.filter(
        event=OuterRef("event_id"), kind=PaperKind.MINUTES
    )
    return (
        EventBooking.objects.filter(user=user)
        .exclude(status=BookingStatus.CANCELLED)
        .annotate(event_has_minutes=Exists(minutes))
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
    token = well_formed(token)
    if token is None:
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
