"""The public event pages: listing, filters, event page, booking forms, the visitor's
manage link, calendars and query budgets."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from home.models.snippets import Region
from members.events import services
from members.events.models import BookingStatus, EventBooking
from tests.factories.events import make_event

pytestmark = pytest.mark.django_db

HOSTILE = [
    "",
    "x" * 1_000_000,
    "a\x00b",
    "\u202eevil\u202c",
    "<script>alert(1)</script>",
]


def test_visitors_see_public_upcoming_events_only(client, home_page):
    make_event(title="Open webinar")
    make_event(title="Members workshop", audience="members")
    make_event(title="Old one", starts_at=timezone.now() - timedelta(days=3))
    page = client.get("/events/").content.decode()
    assert "Open webinar" in page
    assert "Members workshop" not in page
    assert "Old one" not in page
    past = client.get("/events/past/").content.decode()
    assert "Old one" in past and "Open webinar" not in past


def test_members_also_see_members_only_events(client, member, home_page):
    make_event(title="Members workshop", audience="members")
    client.force_login(member)
    assert "Members workshop" in client.get("/events/").content.decode()


def test_members_only_event_page_is_hidden_from_visitors(client, home_page):
    event = make_event(audience="members")
    assert client.get(event.get_absolute_url()).status_code == 404


def test_filters_by_kind_format_and_region(client, home_page):
    region = Region.objects.create(name="North", slug="north")
    make_event(title="Online webinar")
    make_event(
        title="Workshop north", kind="workshop", format="in_person", region=region
    )
    by_kind = client.get("/events/?kind=workshop").content.decode()
    assert "Workshop north" in by_kind and "Online webinar" not in by_kind
    by_format = client.get("/events/?format=online").content.decode()
    assert "Online webinar" in by_format and "Workshop north" not in by_format
    by_region = client.get("/events/?region=north").content.decode()
    assert "Workshop north" in by_region and "Online webinar" not in by_region
    junk = client.get("/events/?kind=%00<script>&region=" + "x" * 5000 + "&page=abc")
    assert junk.status_code == 200


def test_event_page_shows_access_information_and_places_but_not_the_link(
    client, home_page
):
    event = make_event(
        format="in_person",
        venue_name="The Hall",
        step_free_route="Ramp at the side door",
        hearing_loop="Loop in the main room",
        quiet_room="Room 2",
        accessible_parking="Two bays at the front",
        capacity=5,
    )
    page = client.get(event.get_absolute_url()).content.decode()
    for text in (
        "The Hall",
        "Ramp at the side door",
        "Loop in the main room",
        "Room 2",
        "Two bays at the front",
        "5 of 5 left",
    ):
        assert text in page
    assert "JOIN-SECRET" not in page
    assert page.count("<h1") == 1


def test_joining_link_shown_only_to_a_confirmed_member(
    client, member, member_other, home_page
):
    event = make_event(capacity=1)
    services.book(event, user=member)
    services.book(event, user=member_other)
    client.force_login(member_other)
    assert "JOIN-SECRET" not in client.get(event.get_absolute_url()).content.decode()
    client.force_login(member)
    assert "JOIN-SECRET" in client.get(event.get_absolute_url()).content.decode()


def test_member_books_in_one_step_sharing_access_needs(client, member, home_page):
    event = make_event()
    client.force_login(member)
    response = client.post(
        event.get_absolute_url(),
        {"access_needs": "Live captions", "share_access_needs": "on"},
    )
    assert response.status_code == 302
    booking = EventBooking.objects.get()
    assert (booking.user, booking.access_needs) == (member, "Live captions")
    again = client.post(event.get_absolute_url(), {}, follow=True)
    assert "already booked" in again.content.decode()
    assert EventBooking.objects.count() == 1


def test_access_needs_are_not_shared_without_the_tick(client, member, home_page):
    event = make_event()
    client.force_login(member)
    client.post(event.get_absolute_url(), {"access_needs": "Captions"})
    assert EventBooking.objects.get().access_needs == ""


def test_visitor_books_gets_a_link_and_cancels_with_it(client, home_page, mailoutbox):
    event = make_event()
    response = client.post(
        event.get_absolute_url(),
        {"name": "Vi Sitor", "email": "Vi@Example.org", "access_needs": "BSL"},
    )
    assert response.status_code == 302
    booking = EventBooking.objects.get()
    assert (booking.email, booking.access_needs) == ("vi@example.org", "BSL")
    call_command("run_outbox_worker", once=True)
    manage = f"/events/booking/{booking.token}/"
    assert manage in mailoutbox[-1].body
    assert "JOIN-SECRET" in mailoutbox[-1].body
    page = client.get(manage).content.decode()
    assert "Vi Sitor" in page and "Cancel my booking" in page
    done = client.post(manage, follow=True).content.decode()
    assert "Your booking is cancelled" in done
    booking.refresh_from_db()
    assert (booking.status, booking.access_needs) == (BookingStatus.CANCELLED, "")
    twice = client.post(manage, follow=True).content.decode()
    assert "already cancelled" in twice


@pytest.mark.parametrize("token", ["nope", "x" * 500, "%00"])
def test_a_bad_manage_link_says_so_and_changes_nothing(client, home_page, token):
    response = client.post(f"/events/booking/{token}/")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_booking_a_past_event_is_refused_with_a_message(client, member, home_page):
    event = make_event(starts_at=timezone.now() - timedelta(hours=1))
    client.force_login(member)
    response = client.post(event.get_absolute_url(), {}, follow=True)
    assert "already happened" in response.content.decode()
    assert not EventBooking.objects.exists()


@pytest.mark.parametrize("field", ["name", "email", "access_needs"])
@pytest.mark.parametrize(
    "payload", HOSTILE, ids=["empty", "1MB", "NUL", "RTL", "script"]
)
def test_visitor_form_answers_bad_input_without_a_500(
    client, home_page, field, payload
):
    event = make_event()
    data = {"name": "Vi", "email": "vi@example.org", "access_needs": "", field: payload}
    response = client.post(event.get_absolute_url(), data)
    refused = (
        field == "email" or len(payload) > 2000 or (field, payload) == ("name", "")
    )
    assert response.status_code == (200 if refused else 302)
    assert b"<script>alert(1)</script>" not in response.content
    if refused:
        assert b'class="error-summary' in response.content
        assert not EventBooking.objects.exists()
    else:
        booking = EventBooking.objects.get()
        assert "\x00" not in booking.name + booking.access_needs
        assert "\u202e" not in booking.name + booking.access_needs


def test_sharing_with_nothing_written_is_pointed_out(client, member, home_page):
    event = make_event()
    client.force_login(member)
    response = client.post(
        event.get_absolute_url(), {"access_needs": "", "share_access_needs": "on"}
    )
    assert response.status_code == 200
    assert b'href="#id_access_needs"' in response.content
    assert not EventBooking.objects.exists()


def test_calendars_have_no_joining_link_for_the_public(client, home_page):
    event = make_event(title="Planning, with commas")
    listing = client.get("/events/calendar.ics")
    assert listing["Content-Type"].startswith("text/calendar")
    text = listing.content.decode()
    assert "SUMMARY:Planning\\, with commas" in text
    assert "JOIN-SECRET" not in text
    one = client.get(f"/events/{event.slug}/calendar.ics").content.decode()
    assert one.count("BEGIN:VEVENT") == 1 and "JOIN-SECRET" not in one


def _many_events(count):
    for _ in range(count):
        event = make_event(capacity=3)
        services.book(event, name="A", email="a@example.org")


def test_listing_queries_do_not_grow_with_events(
    client, home_page, django_assert_max_num_queries
):
    _many_events(3)
    client.get("/events/")
    with django_assert_max_num_queries(12) as few:
        client.get("/events/")
    _many_events(25)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/events/").status_code == 200


def test_event_page_queries_do_not_grow_with_bookings(
    client, member, home_page, django_assert_max_num_queries
):
    event = make_event(capacity=100)
    client.force_login(member)
    client.get(event.get_absolute_url())
    with django_assert_max_num_queries(20) as few:
        client.get(event.get_absolute_url())
    for number in range(30):
        services.book(event, name="V", email=f"v{number}@example.org")
    _many_events(5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(event.get_absolute_url()).status_code == 200


def test_the_visitor_form_never_says_whether_an_address_has_booked(client, home_page):
    event = make_event()
    details = {"name": "Ann Visitor", "email": "ann@example.org"}
    first = client.post(event.get_absolute_url(), details, follow=True)
    again = client.post(
        event.get_absolute_url(), {**details, "name": "Prober"}, follow=True
    )
    said = "We have emailed ann@example.org with your booking"
    assert said in first.content.decode()
    assert said in again.content.decode()
    assert EventBooking.objects.count() == 1


def test_visitor_bookings_from_one_address_are_limited(client, home_page):
    event = make_event(capacity=50)
    for number in range(10):
        client.post(
            event.get_absolute_url(),
            {"name": "Visitor", "email": f"v{number}@example.org"},
        )
    refused = client.post(
        event.get_absolute_url(),
        {"name": "Visitor", "email": "v10@example.org"},
        follow=True,
    )
    assert "several bookings in a short time" in refused.content.decode()
    assert EventBooking.objects.count() == 10
