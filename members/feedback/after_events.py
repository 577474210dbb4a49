"""After an event with a feedback form, the people who came are emailed the form, once.

`manage.py send_feedback_requests` runs hourly from cron, like `send_event_reminders`.
An event qualifies once it has ended (within the last 30 days, so a form attached to an
old event sends nothing) and its organisers have marked at least one person as having
come; until then it waits. The event is claimed with one conditional UPDATE of
`Event.feedback_sent_at` in the transaction that queues the emails, so a second run, or two
at once, never asks anyone twice.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from members.events.models import BookingStatus, Event, EventBooking, EventStatus
from members.feedback import notifications
from members.feedback.models import FeedbackPage

WINDOW = timedelta(days=30)


def due_pages(now):
    """Live feedback forms whose event ended recently and has not been asked yet."""
    return (
        FeedbackPage.objects.live()
        .filter(
            event__status=EventStatus.SCHEDULED,
            event__ends_at__lte=now,
            event__ends_at__gt=now - WINDOW,
            event__feedback_sent_at__isnull=True,
        )
        .select_related("event")
        .order_by("event_id", "pk")
    )


def send_due(now=None):
    """Queue the feedback emails now due; returns how many were queued."""
    now = now or timezone.now()
    queued = 0
    for page in due_pages(now):
        with transaction.atomic():
            came = list(
                EventBooking.objects.filter(event_id=page.event_id, attended=True)
                .exclude(status=BookingStatus.CANCELLED)
                .select_related("user")
                .order_by("pk")
            )
            if not came:
                continue  # attendance not marked yet: ask on a later run
            claimed = Event.objects.filter(
                pk=page.event_id, feedback_sent_at__isnull=True
            ).update(feedback_sent_at=now)
            if claimed:
                queued += notifications.ask_for_feedback(page.event, page, came)
    return queued
