"""Who came: organisers mark attendance from the list of people with a place.

Attendance is what paid involvement and the programme's figures count, so it is written
only here, for an event that has started, by someone allowed to organise it, in one
transaction with a line in the event's history. Marking 250 people is two UPDATEs; at
an event that pays its attendees (payments.PaidEvent) each member who came also gets a
claim to check and send.

    attendance.mark(event, attended={12, 15}, listed={12, 15, 16}, by=request.user)
"""

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from members.events import owners
from members.events.models import BookingStatus, Event, EventBooking, EventStatus
from members.payments import sources
from website import activity

activity.register_verbs({"attendance": "Attendance marked"})

NOT_STARTED = "You can mark attendance once the event has started."
CANCELLED = "This event was cancelled, so there is no attendance to mark."
LIST_CHANGED = (
    "Someone's booking changed while you were marking. The list below is up to date: "
    "please check it and save again."
)


class AttendanceError(Exception):
    """Marking refused, with a message for the organiser; nothing was changed."""


def can_mark(user, event):
    """Programme staff who manage events organise every event; an owner (a network's
    co-chairs) organises its own. With `event` None: may this person organise any event
    at all, without naming one (staff only)."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.has_perm("members.change_event"):
        return True
    return event is not None and owners.organises(user, event)


def organised_events(user):
    """The events this person organises: every event for staff, an owner's own for the
    rest (a network's co-chairs: their network's events)."""
    if not (user.is_authenticated and user.is_active):
        return Event.objects.none()
    if user.has_perm("members.change_event"):
        return Event.objects.all()
    return Event.objects.filter(owners.organised(user))


def attendance_list(event):
    """Everyone with a confirmed place, by the name they go by (one query)."""
    rows = list(
        EventBooking.objects.filter(event=event, status=BookingStatus.CONFIRMED)
        .select_related("user")
        .only(
            "name",
            "email",
            "attended",
            "user__first_name",
            "user__last_name",
            "user__email",
            "user__preferred_name",
        )
        .order_by("pk")
    )
    return sorted(rows, key=lambda booking: booking.display_name.casefold())


def check_markable(event, now=None):
    if event.status == EventStatus.CANCELLED:
        raise AttendanceError(CANCELLED)
    if event.starts_at > (now or timezone.now()):
        raise AttendanceError(NOT_STARTED)


@transaction.atomic
def mark(event, *, attended, listed, by):
    """Mark everyone `listed` (the booking ids the organiser saw): those in `attended`
    came, the rest did not. Refuses, changing nothing, if the list no longer matches the
    confirmed bookings. Returns (came, did_not)."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    check_markable(event)
    confirmed = set(
        EventBooking.objects.filter(
            event=event, status=BookingStatus.CONFIRMED
        ).values_list("pk", flat=True)
    )
    listed, attended = set(listed), set(attended)
    if listed != confirmed or not attended <= listed:
        raise AttendanceError(LIST_CHANGED)
    came = EventBooking.objects.filter(pk__in=attended).update(attended=True)
    did_not = EventBooking.objects.filter(pk__in=listed - attended).update(
        attended=False
    )
    activity.record(
        event,
        by=by,
        verb="attendance",
        note=f"{came} came, {did_not} did not.",
    )
    members = EventBooking.objects.filter(pk__in=listed, user__isnull=False)
    if (unpaid := owners.unpaid(event)) is not None:
        members = members.exclude(unpaid)
    sources.attendance_marked(
        event,
        came=members.filter(pk__in=attended).select_related("user"),
        missed=members.exclude(pk__in=attended).select_related("user"),
        by=by,
    )
    return came, did_not


def figures(event):
    """Confirmed, came and did not come, for the organiser's summary (one query)."""
    return EventBooking.objects.filter(
        event=event, status=BookingStatus.CONFIRMED
    ).aggregate(
        confirmed=Count("pk"),
        came=Count("pk", filter=Q(attended=True)),
        did_not=Count("pk", filter=Q(attended=False)),
    )
