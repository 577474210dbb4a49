"""Organisers mark who came from the list of people with a place, on a phone after the
event; members see it in their past events (members/events/attendance.py)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from members.events.models import EventBooking
from tests.factories.events import make_event
from website import activity

pytestmark = pytest.mark.django_db


def held(event, count=3, **fields):
    """`count` visitors with confirmed places, straight into the table (the event has
    started, so the booking service would refuse them)."""
    return EventBooking.objects.bulk_create(
        EventBooking(
            event=event,
            name=f"Person {n:03d}",
            email=f"p{n}@example.org",
            status="confirmed",
            token=f"tok-{event.pk}-{n}",
            **fields,
        )
        for n in range(count)
    )


@pytest.fixture
def started():
    return make_event(
        title="Talking with commissioners",
        starts_at=timezone.now() - timedelta(hours=3),
    )


def url(event):
    return f"/events/{event.slug}/attendance/"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def attended(event):
    return dict(
        EventBooking.objects.filter(event=event).values_list("name", "attended")
    )


def test_staff_mark_who_came_and_everyone_else_is_marked_as_not_coming(staff, started):
    one, two, three = held(started)
    client = logged_in(staff)
    page = client.get(url(started)).content.decode()
    assert "Person 000" in page and "Tick everyone who came" in page
    response = client.post(
        url(started),
        {"listed": f"{one.pk},{two.pk},{three.pk}", "attended": [one.pk, three.pk]},
        follow=True,
    )
    assert "Attendance saved: 2 came and 1 did not." in response.content.decode()
    assert attended(started) == {
        "Person 000": True,
        "Person 001": False,
        "Person 002": True,
    }
    lines = [line.label for line in activity.history(started)]
    assert "Attendance marked" in lines[-1]
    # Marked again later: the ticks are where they were left.
    again = client.get(url(started)).content.decode()
    assert again.count(" checked") == 2
    assert "marked as not coming" in again


def test_attendance_cannot_be_marked_before_the_event_starts(staff):
    event = make_event()
    (booking,) = held(event, 1)
    client = logged_in(staff)
    assert "once the event has started" in client.get(url(event)).content.decode()
    response = client.post(
        url(event), {"listed": str(booking.pk), "attended": [booking.pk]}, follow=True
    )
    assert "once the event has started" in response.content.decode()
    assert attended(event) == {"Person 000": None}


def test_members_and_editors_cannot_mark_attendance(member, editor, started):
    (booking,) = held(started, 1)
    for user in (member, editor):
        client = logged_in(user)
        assert client.get(url(started)).status_code == 403
        assert (
            client.post(
                url(started), {"listed": str(booking.pk), "attended": [booking.pk]}
            ).status_code
            == 403
        )
    assert attended(started) == {"Person 000": None}


def test_visitors_are_asked_to_sign_in(client, started):
    response = client.get(url(started))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    "form",
    [
        {"listed": "1", "attended": []},  # someone missing from the list
        {"listed": "abc", "attended": ["abc"]},
        {"listed": "1" * 40, "attended": []},
        {"listed": "-1", "attended": ["<script>"]},
        {"listed": ",".join(str(n) for n in range(6000)), "attended": []},
        {"listed": "1,2,,,", "attended": ["1\x00"]},
        {},
    ],
    ids=["changed", "letters", "huge-number", "hostile", "too-many", "junk", "empty"],
)
def test_a_list_that_does_not_match_is_refused_and_nothing_changes(
    staff, started, form
):
    held(started, 2)
    response = logged_in(staff).post(url(started), form, follow=True)
    assert response.status_code == 200
    assert "please check it and save again" in response.content.decode()
    assert set(attended(started).values()) == {None}


def test_someone_elses_booking_cannot_be_marked_through_this_event(staff, started):
    (mine,) = held(started, 1)
    other_event = make_event(starts_at=timezone.now() - timedelta(hours=1))
    (theirs,) = held(other_event, 1)
    logged_in(staff).post(
        url(started), {"listed": f"{mine.pk},{theirs.pk}", "attended": [theirs.pk]}
    )
    assert EventBooking.objects.get(pk=theirs.pk).attended is None


def test_marking_250_people_is_one_request_with_bounded_queries(
    staff, started, django_assert_max_num_queries
):
    bookings = held(started, 250)
    client = logged_in(staff)
    client.get(url(started))
    ids = [b.pk for b in bookings]
    with django_assert_max_num_queries(20):
        client.post(
            url(started),
            {"listed": ",".join(map(str, ids)), "attended": ids[:200]},
        )
    with django_assert_max_num_queries(15):
        page = client.get(url(started))
    assert page.content.decode().count(" checked") == 200
    assert EventBooking.objects.filter(attended=False).count() == 50


def test_organisers_find_it_from_the_event_page_and_the_admin_home(
    staff, member, started
):
    held(started, 2)
    client = logged_in(staff)
    assert "Mark attendance" in client.get(started.get_absolute_url()).content.decode()
    home = client.get("/admin/").content.decode()
    assert "Mark attendance: Talking with commissioners (2 people not marked)" in home
    assert (
        "Mark attendance"
        not in logged_in(member).get(started.get_absolute_url()).content.decode()
    )


def test_a_member_sees_the_events_they_came_to(member):
    event = make_event(
        title="Last month workshop",
        starts_at=timezone.now() - timedelta(days=30),
    )
    EventBooking.objects.create(
        event=event, user=member, status="confirmed", attended=True
    )
    page = logged_in(member).get("/portal/events/").content.decode()
    assert "Last month workshop" in page and "you came" in page


def test_a_cancelled_event_has_no_attendance(staff):
    event = make_event(
        starts_at=timezone.now() - timedelta(hours=3), status="cancelled"
    )
    held(event, 1)
    page = logged_in(staff).get(url(event)).content.decode()
    assert "was cancelled" in page


def test_organisers_open_a_members_only_event_they_run(staff):
    event = make_event(
        audience="members", starts_at=timezone.now() - timedelta(hours=1)
    )
    page = logged_in(staff).get(event.get_absolute_url())
    assert page.status_code == 200
    assert "Mark attendance" in page.content.decode()
