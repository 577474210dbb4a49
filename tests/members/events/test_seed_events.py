"""The bench's event volume (`seed_events`): the reminders it sets up are all due at once,
and a second run tops up instead of adding another batch."""

import pytest
from django.core.management import CommandError, call_command

from members.events import reminders
from members.events.models import Event, EventBooking

pytestmark = pytest.mark.django_db


def test_every_booking_has_its_reminder_due_and_a_second_run_adds_nothing():
    call_command("seed_events", events=12, bookings=600)
    assert Event.objects.count() == 12
    assert EventBooking.objects.count() == 600
    assert reminders.send_due() == 600
    call_command("seed_events", events=12, bookings=600)
    assert (Event.objects.count(), EventBooking.objects.count()) == (12, 600)
    assert reminders.send_due() == 0


@pytest.mark.parametrize(
    "options", [{"events": -1}, {"bookings": 10**9}, {"events": 1, "bookings": 600}]
)
def test_impossible_sizes_are_refused(options):
    with pytest.raises(CommandError):
        call_command("seed_events", **options)
    assert not Event.objects.exists()
