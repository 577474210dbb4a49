"""Where claims come from: features that record involvement call these, and the ledger
opens a claim for each person (nothing for people who chose no payment). Payments import
none of those features; they pass in what happened.

    sources.attendance_marked(event, came=[booking, …], missed=[…], by=organiser)
"""

from decimal import Decimal

from django.utils import timezone

from members.payments import ledger
from members.payments.models import PaidEvent


def event_source(booking):
    return f"event-booking:{booking.pk}"


def attendance_marked(event, *, came, missed, by):
    """A paid event's attendance was marked: a claim for each member who came, and any
    claim not yet approved withdrawn for someone now marked as not there. Returns how
    many claims were opened or kept."""
    terms = PaidEvent.objects.filter(event_id=event.pk).first()
    if terms is None:
        return 0
    day = timezone.localdate(event.starts_at)
    hours = Decimal((event.ends_at - event.starts_at).total_seconds()) / 3600
    opened = 0
    for booking in came:
        if booking.user_id is None:
            continue
        claim = ledger.arise(
            booking.user,
            involvement=terms.involvement,
            source=event_source(booking),
            title=event.title,
            happened_on=day,
            logged_by=by,
            hours=hours.quantize(Decimal("0.25")),
        )
        opened += claim is not None
    for booking in missed:
        if booking.user_id is not None:
            ledger.withdraw(booking.user, event_source(booking), by=by)
    return opened
