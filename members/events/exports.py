"""A person's event bookings in their data download, and erased with their account."""

from django.utils import timezone

from members.events import services
from members.events.models import CalendarFeed, EventBooking, EventInvitation
from website.dataexport import ExportSection, erases


def export_bookings_section(user):
    rows = EventBooking.objects.filter(user=user).values(
        "event__title",
        "event__starts_at",
        "status",
        "access_needs",
        "attended",
        "offer_expires_at",
        "created_at",
    )
    records = [
        {
            "event": row["event__title"],
            "starts_at": row["event__starts_at"],
            "status": row["status"],
            "access_needs_shared": row["access_needs"],
            "attended": {True: "yes", False: "no"}.get(row["attended"], ""),
            "place_offered_until": row["offer_expires_at"],
            "booked_at": row["created_at"],
        }
        for row in rows
    ]
    if not records:
        return None
    return ExportSection(
        key="event_bookings", title="Event bookings", records=records, order=55
    )


def export_invitations_section(user):
    """Invitations sent to the person's address, whoever sent them."""
    rows = EventInvitation.objects.filter(email__iexact=user.email).values(
        "event__title", "event__starts_at", "email", "invited_at"
    )
    records = [
        {
            "event": row["event__title"],
            "starts_at": row["event__starts_at"],
            "sent_to": row["email"],
            "invited_at": row["invited_at"],
        }
        for row in rows
    ]
    if not records:
        return None
    return ExportSection(
        key="event_invitations",
        title="Invitations to events",
        records=records,
        order=56,
    )


@erases("members.EventBooking", "members.CalendarFeed", "members.EventInvitation")
def erase_member_data(user):
    """Bookings say who came; nobody else relies on them, so they go, with the feed.
    Bookings a visitor made with the same address go too. A place at an event still to
    come is given up first, so the next person waiting is offered it."""
    held = EventBooking.objects.filter(
        user=user,
        status__in=services.TAKEN,
        event__ends_at__gte=timezone.now(),
        event__status="scheduled",
    )
    for booking in held:
        services.cancel(booking)
    EventBooking.objects.filter(user=user).delete()
    if user.email:
        EventBooking.objects.filter(
            user__isnull=True, email__iexact=user.email
        ).delete()
    CalendarFeed.objects.filter(user=user).delete()
    if user.email:
        EventInvitation.objects.filter(email__iexact=user.email).delete()
