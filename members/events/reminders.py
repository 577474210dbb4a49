"""Reminders before an event, with its joining details, to everyone who has a place.

`manage.py send_event_reminders` runs hourly from cron. For each scheduled event still to
come, the nearest reminder moment that has passed (7 or 1 days before, or the event's own
list) is due for each confirmed booking made before that moment; people who booked later
already have the booking email. Each reminder is recorded in the same transaction that
queues its email, batch by batch, so a reminder never goes twice, a second run at the same
time stops at the unique pair, and the queries stay bounded however many people booked.
Cancelled events and cancelled or waiting bookings get nothing.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from members.events import notifications
from members.events.models import (
    LONGEST_REMINDER_DAYS,
    BookingStatus,
    Event,
    EventBooking,
    EventReminder,
    EventStatus,
    reminder_days,
)

BATCH = 500


def nearest_due(event, now):
    """The smallest number of days whose reminder moment has passed, or None."""
    try:
        days = reminder_days(event.reminders)
    except ValidationError:  # an old value that no longer validates: none, and no crash
        return None
    due = [d for d in days if event.starts_at - timedelta(days=d) <= now]
    return min(due) if due else None


def _waiting_for(event, days):
    moment = event.starts_at - timedelta(days=days)
    return (
        EventBooking.objects.filter(
            event=event, status=BookingStatus.CONFIRMED, created_at__lte=moment
        )
        .exclude(reminders_sent__days_before=days)
        # The profile says whether to text them too (website.sms), read without a query.
        .select_related("user", "user__profile")
        .order_by("pk")
    )


def send_due(now=None):
    """Queue every reminder due now; returns how many were queued."""
    now = now or timezone.now()
    events = Event.objects.filter(
        status=EventStatus.SCHEDULED,
        starts_at__gt=now,
        starts_at__lte=now + timedelta(days=LONGEST_REMINDER_DAYS),
    ).exclude(reminders="")
    queued = 0
    for event in events:
        days = nearest_due(event, now)
        if days is None:
            continue
        while True:
            with transaction.atomic():
                batch = list(_waiting_for(event, days)[:BATCH])
                if not batch:
                    break
                EventReminder.objects.bulk_create(
                    [
                        EventReminder(booking=b, days_before=days, sent_at=now)
                        for b in batch
                    ]
                )
                for booking in batch:
                    booking.event = event
                queued += notifications.remind(batch, days)
    return queued
