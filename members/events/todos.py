"""What events put on "Things to do" (website/todo.py): for a member, a place offered from
the waiting list until they confirm it or its deadline passes (until now the offer lived
only in an email, and a missed email meant a lost place); for organisers, events that
ended recently with attendance still to mark."""

from datetime import timedelta

from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from members.events import attendance, services
from members.events.models import BookingStatus, EventBooking, EventStatus
from website import roles, todo

# Read with the signed-in person (website/roles.py): nobody with no offer pays a query.
roles.load_with_user(
    "event_offers",
    lambda: Exists(
        EventBooking.objects.filter(user=OuterRef("pk"), status=BookingStatus.OFFERED)
    ),
)


def offers_to_confirm(request):
    user = request.user
    if not user.is_authenticated or roles.loaded(user, "event_offers") is False:
        return []
    return [
        todo.Todo(
            text=f"Confirm your place: {booking.event.title}",
            url=reverse("members:my_events"),
            link_text="Confirm or cancel",
            order=2,
            due=booking.offer_expires_at,
            kind="event-offer",
        )
        for booking in services.open_offers(user)[:20]
    ]


# Attendance is best marked while people remember; after a fortnight it drops off the list.
ATTENDANCE_DAYS = 14


def attendance_to_mark(request):
    """Organisers: each event that has ended in the last fortnight with people who had a
    place and are not yet marked as coming or not."""
    now = timezone.now()
    events = (
        attendance.organised_events(request.user)
        .filter(
            status=EventStatus.SCHEDULED,
            ends_at__lte=now,
            ends_at__gte=now - timedelta(days=ATTENDANCE_DAYS),
            bookings__status=BookingStatus.CONFIRMED,
            bookings__attended__isnull=True,
        )
        .annotate(unmarked=Count("bookings"))
        .only("slug", "title", "ends_at")
        .order_by("ends_at")[:20]
    )
    return [
        todo.Todo(
            text=(
                f"Mark attendance: {event.title} ({event.unmarked} "
                f"{'person' if event.unmarked == 1 else 'people'} not marked)"
            ),
            url=reverse("members:event_attendance", args=[event.slug]),
            link_text="Mark attendance",
            kind="attendance",
            due=event.ends_at + timedelta(days=ATTENDANCE_DAYS),
        )
        for event in events
    ]
