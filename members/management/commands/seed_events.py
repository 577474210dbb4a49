"""Add many events and bookings for `make bench --volume`; never for real sites.

Half the events are past and half to come. The first events (one for every 250 bookings)
start within the next twelve hours with 250 visitors' places each, booked three days ago, so
their one-day reminder is due: `send_event_reminders` then has `--bookings` reminders to
send in one run. Fixed names, so running it again tops the set up instead of adding another
batch.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from home.models.snippets import Region
from members.events.models import (
    BookingStatus,
    Event,
    EventAudience,
    EventBooking,
    EventFormat,
    EventKind,
)

PREFIX = "volume-event-"
DOMAIN = "volume.example.org"
PLACES = 250
BATCH = 2000
LIMIT = 200_000


class Command(BaseCommand):
    help = "Top the database up to many events, and bookings with a reminder due."

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=2000)
        parser.add_argument("--bookings", type=int, default=50_000)

    def handle(self, *args, events, bookings, **options):
        for name, value in (("events", events), ("bookings", bookings)):
            if not 0 <= value <= LIMIT:
                raise CommandError(f"--{name} must be between 0 and {LIMIT:,}.")
        due = -(-bookings // PLACES)  # events needed for the bookings, rounded up
        if due > events:
            raise CommandError("Not enough events for the bookings: add --events.")
        with transaction.atomic():
            added = self.seed_events(events, due)
            placed = self.seed_bookings(bookings)
        self.stdout.write(f"{added} events and {placed} bookings added.")

    def seed_events(self, count, due):
        existing = Event.objects.filter(slug__startswith=PREFIX).count()
        regions = list(Region.objects.order_by("pk")) or [None]
        kinds = [EventKind.WEBINAR, EventKind.WORKSHOP, EventKind.ADVISORY_GROUP]
        formats = list(EventFormat.values)
        now = timezone.now()
        rows = []
        for n in range(existing, count):
            if n < due:  # within a day: the one-day reminder is due
                starts = now + timedelta(hours=2, minutes=n % 600)
            elif n % 2:
                starts = now + timedelta(days=2 + n % 300, hours=n % 9)
            else:
                starts = now - timedelta(days=1 + n % 700, hours=n % 9)
            rows.append(
                Event(
                    title=f"Volume event {n + 1}",
                    slug=f"{PREFIX}{n + 1}",
                    summary="A programme event in the volume data set.",
                    kind=kinds[n % len(kinds)],
                    audience=EventAudience.PUBLIC if n % 5 else EventAudience.MEMBERS,
                    format=formats[n % len(formats)],
                    joining_link="https://meet.example.org/volume",
                    capacity=PLACES,
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=2),
                    region=regions[n % len(regions)],
                    created_at=now - timedelta(days=30),
                )
            )
        Event.objects.bulk_create(rows, batch_size=BATCH)
        return len(rows)

    def seed_bookings(self, count):
        """`count` places on the events starting tomorrow, 250 to an event."""
        existing = EventBooking.objects.filter(email__endswith="@" + DOMAIN).count()
        if existing >= count:
            return 0
        due = -(-count // PLACES)
        events = list(
            Event.objects.filter(slug__in=[f"{PREFIX}{n + 1}" for n in range(due)])
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        booked_at = timezone.now() - timedelta(days=3)
        for start in range(existing, count, BATCH):
            EventBooking.objects.bulk_create(
                EventBooking(
                    event_id=events[n // PLACES],
                    name=f"Guest {n + 1}",
                    email=f"guest{n + 1}@{DOMAIN}",
                    status=BookingStatus.CONFIRMED,
                    token=f"volume-{n + 1}",
                    created_at=booked_at,
                )
                for n in range(start, min(start + BATCH, count))
            )
        return count - existing
