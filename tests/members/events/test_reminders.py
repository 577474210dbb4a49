"""Reminders before an event: the nearest moment passed, once per booking, only to people
with a place, with the joining details, in a few queries however many booked."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from members.events import reminders, services
from members.events.models import BookingStatus, EventBooking, EventReminder
from tests.factories.events import make_event
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def delivered(mailoutbox):
    call_command("run_outbox_worker", once=True)
    return mailoutbox


@pytest.fixture
def event():
    return make_event(title="Planning the carers' summit", capacity=3)


def booked(event, email, days_ago=10):
    booking = services.book(event, name=email.split("@")[0], email=email)
    EventBooking.objects.filter(pk=booking.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return booking


def at(event, days_before, hours=1):
    """A moment `days_before` days before the event, `hours` after that reminder was due."""
    return event.starts_at - timedelta(days=days_before) + timedelta(hours=hours)


def test_a_week_before_everyone_with_a_place_is_reminded_once(event, mailoutbox):
    booked(event, "ada@example.org")
    booked(event, "ben@example.org")
    delivered(mailoutbox).clear()  # the booking emails
    assert reminders.send_due(now=at(event, 7)) == 2
    assert reminders.send_due(now=at(event, 7, hours=2)) == 0
    delivered(mailoutbox)
    assert sorted(m.to[0] for m in mailoutbox) == ["ada@example.org", "ben@example.org"]
    message = mailoutbox[0]
    assert message.subject.startswith("Reminder: Planning the carers' summit")
    assert "JOIN-SECRET" in message.body
    assert "/events/booking/" in message.body  # how to cancel, without an account


def test_the_day_before_brings_a_second_reminder(event, mailoutbox):
    booked(event, "ada@example.org")
    reminders.send_due(now=at(event, 7))
    assert reminders.send_due(now=at(event, 1)) == 1
    assert set(EventReminder.objects.values_list("days_before", flat=True)) == {7, 1}


def test_a_late_run_sends_only_the_nearest_reminder(event):
    booked(event, "ada@example.org")
    assert reminders.send_due(now=at(event, 1)) == 1
    assert reminders.send_due(now=at(event, 1, hours=3)) == 0
    assert list(EventReminder.objects.values_list("days_before", flat=True)) == [1]


def test_no_reminder_before_it_is_due_or_after_the_start(event):
    booked(event, "ada@example.org")
    assert reminders.send_due(now=at(event, 7, hours=-2)) == 0
    assert reminders.send_due(now=event.starts_at + timedelta(minutes=5)) == 0


def test_people_who_booked_after_the_moment_already_have_their_email(event):
    booked(event, "ada@example.org", days_ago=0)
    assert reminders.send_due(now=timezone.now() + timedelta(hours=1)) == 0


def test_cancelled_and_waiting_bookings_get_nothing(event, mailoutbox):
    keep = booked(event, "ada@example.org")
    gone = booked(event, "ben@example.org")
    booked(event, "cy@example.org")
    waiting = booked(event, "dee@example.org")
    assert waiting.status == BookingStatus.WAITING
    services.cancel(gone)
    assert EventBooking.objects.get(pk=waiting.pk).status == BookingStatus.OFFERED
    EventBooking.objects.filter(pk=waiting.pk).update(status=BookingStatus.WAITING)
    delivered(mailoutbox).clear()
    reminders.send_due(now=at(event, 7))
    delivered(mailoutbox)
    sent_to = sorted(m.to[0] for m in mailoutbox)
    assert sent_to == ["ada@example.org", "cy@example.org"]
    assert keep.reminders_sent.count() == 1


def test_a_cancelled_event_reminds_nobody(event):
    booked(event, "ada@example.org")
    event.status = "cancelled"
    event.save()
    assert reminders.send_due(now=at(event, 7)) == 0


def test_an_event_can_choose_its_reminders_or_none(event):
    booked(event, "ada@example.org")
    event.reminders = "3"
    event.save()
    assert reminders.send_due(now=at(event, 7)) == 0
    assert reminders.send_due(now=at(event, 3)) == 1
    other = make_event(reminders="")
    booked(other, "ben@example.org")
    assert reminders.send_due(now=at(other, 1)) == 0


def test_members_are_reminded_at_their_account_address(event, mailoutbox):
    member = UserFactory(email="member.reminded@example.org", groups=["Members"])
    booking = services.book(event, user=member)
    EventBooking.objects.filter(pk=booking.pk).update(
        created_at=timezone.now() - timedelta(days=10)
    )
    delivered(mailoutbox).clear()
    reminders.send_due(now=at(event, 7))
    delivered(mailoutbox)
    assert mailoutbox[-1].to == [member.email]
    assert "/portal/events/" in mailoutbox[-1].body


def test_a_reminder_is_recorded_once_even_from_two_runs(event):
    booking = booked(event, "ada@example.org")
    EventReminder.objects.create(booking=booking, days_before=7)
    with pytest.raises(IntegrityError), transaction.atomic():
        EventReminder.objects.create(booking=booking, days_before=7)
    assert reminders.send_due(now=at(event, 7)) == 0


def test_queries_stay_the_same_for_many_bookings(django_assert_max_num_queries):
    small = make_event(capacity=500)
    large = make_event(capacity=500, starts_at=timezone.now() + timedelta(days=30))
    for n in range(2):
        booked(small, f"s{n}@example.org")
    for n in range(40):
        booked(large, f"l{n}@example.org")
    with django_assert_max_num_queries(12) as few:
        reminders.send_due(now=at(small, 7))
    with django_assert_max_num_queries(len(few.captured_queries) + 6):
        assert reminders.send_due(now=at(large, 7)) == 40


def test_the_command_says_how_many_it_queued(event, capsys):
    booked(event, "ada@example.org")
    EventBooking.objects.update(created_at=timezone.now() - timedelta(days=30))
    event.starts_at = timezone.now() + timedelta(hours=20)
    event.ends_at = event.starts_at + timedelta(hours=1)
    event.save()
    call_command("send_event_reminders")
    assert "Queued 1 event reminder(s)." in capsys.readouterr().out


@pytest.mark.parametrize(
    "text", ["soon", "0", "61", "1, 2, 3, 4, 5", "7;1", "-1", "1" * 19, "<b>7</b>"]
)
def test_reminder_days_that_make_no_sense_are_refused_clearly(event, text):
    event.reminders = text
    with pytest.raises(ValidationError) as refused:
        event.full_clean()
    assert "reminders" in refused.value.message_dict


def test_reminder_days_are_read_in_any_order_with_spaces(event):
    event.reminders = " 1 ,7,, 14 "
    event.full_clean()
    assert reminders.reminder_days(event.reminders) == [14, 7, 1]
