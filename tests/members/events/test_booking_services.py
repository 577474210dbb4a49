"""Booking places: the waiting list, promotion, and every refusal leaving nothing changed."""

import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from members.events import services
from members.events.models import BookingStatus, EventBooking
from tests.factories.events import make_event
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def delivered(mailoutbox):
    call_command("run_outbox_worker", once=True)
    return mailoutbox


def test_member_books_a_place_and_is_emailed_the_joining_link(member, mailoutbox):
    event = make_event()
    booking = services.book(event, user=member, access_needs="Captions")
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.access_needs == "Captions"
    delivered(mailoutbox)
    assert mailoutbox[-1].to == [member.email]
    assert "JOIN-SECRET" in mailoutbox[-1].body
    assert "/portal/events/" in mailoutbox[-1].body


def test_a_full_event_puts_people_on_the_waiting_list_without_the_link(
    member, member_other, mailoutbox
):
    event = make_event(capacity=1)
    services.book(event, user=member)
    waiting = services.book(event, user=member_other)
    assert waiting.status == BookingStatus.WAITING
    delivered(mailoutbox)
    assert "waiting list" in mailoutbox[-1].subject
    assert "JOIN-SECRET" not in mailoutbox[-1].body


def test_cancelling_offers_the_place_to_the_first_person_waiting_and_tells_them(
    member, member_other, mailoutbox
):
    """The offer and its deadline: tests/members/events/test_waiting_list_offers.py."""
    event = make_event(capacity=1)
    first = services.book(event, user=member)
    services.book(event, name="Vi Sitor", email="vi@example.org")
    services.book(event, user=member_other)
    promoted = services.cancel(first)
    assert promoted.email == "vi@example.org"
    assert promoted.status == BookingStatus.OFFERED
    delivered(mailoutbox)
    assert mailoutbox[-1].to == ["vi@example.org"]
    assert "A place came free" in mailoutbox[-1].subject
    assert f"/events/booking/{promoted.token}/" in mailoutbox[-1].body
    first.refresh_from_db()
    assert (first.status, first.access_needs) == (BookingStatus.CANCELLED, "")


@pytest.mark.parametrize(
    ("event_fields", "message"),
    [
        ({"starts_at": timezone.now() - timedelta(days=2)}, services.PAST),
        ({"status": "cancelled"}, services.CANCELLED_EVENT),
    ],
    ids=["past", "cancelled"],
)
def test_past_and_cancelled_events_cannot_be_booked(member, event_fields, message):
    event = make_event(**event_fields)
    with pytest.raises(services.BookingError, match=message):
        services.book(event, user=member)
    assert not EventBooking.objects.exists()


def test_booking_twice_is_refused_and_changes_nothing(member):
    event = make_event()
    services.book(event, user=member, access_needs="First")
    with pytest.raises(services.BookingError, match=services.ALREADY):
        services.book(event, user=member, access_needs="Second")
    assert list(EventBooking.objects.values_list("access_needs", flat=True)) == [
        "First"
    ]


def test_a_visitor_booking_twice_with_the_same_email_gets_the_first_booking_again(
    mailoutbox,
):
    event = make_event()
    first = services.book(event, name="A", email="a@example.org")
    again = services.book(event, name="Someone else", email="A@Example.org")
    assert again == first
    assert EventBooking.objects.count() == 1
    # The address's owner is sent their booking and manage link again, nobody else.
    assert [m.to for m in delivered(mailoutbox)] == [
        ["a@example.org"],
        ["a@example.org"],
    ]


def test_visitors_and_non_members_cannot_book_members_only_events():
    event = make_event(audience="members")
    with pytest.raises(services.BookingError, match=services.MEMBERS_ONLY):
        services.book(event, name="A", email="a@example.org")
    with pytest.raises(services.BookingError, match=services.MEMBERS_ONLY):
        services.book(event, user=UserFactory())
    assert not EventBooking.objects.exists()


def test_cancelling_twice_is_refused(member):
    booking = services.book(make_event(), user=member)
    services.cancel(booking)
    with pytest.raises(services.BookingError, match=services.ALREADY_CANCELLED):
        services.cancel(booking)


def test_a_member_can_book_again_after_cancelling(member):
    event = make_event()
    booking = services.book(event, user=member)
    services.cancel(booking)
    again = services.book(event, user=member)
    assert again.pk == booking.pk and again.status == BookingStatus.CONFIRMED


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_bookings_for_the_last_places_never_over_book():
    """Ten visitors press 'Book' at once for three places (PostgreSQL only: SQLite's
    in-memory test database cannot be shared by threads, as for network meetings)."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL for real concurrent transactions")
    event = make_event(capacity=3)
    barrier = threading.Barrier(10)
    errors = []

    def book(number):
        try:
            barrier.wait()
            services.book(event, name=f"V{number}", email=f"v{number}@example.org")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    statuses = list(EventBooking.objects.values_list("status", flat=True))
    assert statuses.count("confirmed") == 3
    assert statuses.count("waiting") == 7


def test_booking_the_last_place_one_after_another_never_over_books():
    """The same check in one thread, so SQLite runs it too."""
    event = make_event(capacity=2)
    for number in range(5):
        services.book(event, name=f"V{number}", email=f"v{number}@example.org")
    assert services.places_left(event) == 0
    assert EventBooking.objects.filter(status="confirmed").count() == 2
