"""A member's events in the portal: bookings, cancelling, the private feed, the panel,
their data download and erasure, and the retention step."""

from datetime import timedelta

import pytest
from django.utils import timezone

from members.events import exports, services
from members.events.models import BookingStatus, CalendarFeed, EventBooking
from members.events.retention import purge_event_access_needs
from tests.factories.events import make_event

pytestmark = pytest.mark.django_db


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get("/portal/events/")
    assert response["Location"].startswith("/accounts/login/")


def test_member_sees_upcoming_and_past_bookings_and_cancels(client, member, home_page):
    soon = make_event(title="Soon webinar")
    old = make_event(
        title="Old workshop", starts_at=timezone.now() + timedelta(hours=1)
    )
    services.book(soon, user=member)
    services.book(old, user=member)
    old.starts_at = timezone.now() - timedelta(days=10)
    old.ends_at = old.starts_at + timedelta(hours=2)
    old.save()
    client.force_login(member)
    page = client.get("/portal/events/").content.decode()
    assert "Soon webinar" in page and "Old workshop" in page
    assert 'class="table-scroll"' in page
    booking = EventBooking.objects.get(event=soon)
    response = client.post(f"/portal/events/{booking.pk}/cancel/", follow=True)
    assert "is cancelled" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    again = client.post(f"/portal/events/{booking.pk}/cancel/", follow=True)
    assert "already cancelled" in again.content.decode()


def test_member_cannot_cancel_someone_elses_booking(client, member, member_other):
    booking = services.book(make_event(), user=member_other)
    client.force_login(member)
    assert client.post(f"/portal/events/{booking.pk}/cancel/").status_code == 404
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_private_feed_has_only_my_confirmed_bookings_and_reset_kills_the_old_url(
    client, member, member_other, home_page
):
    mine = make_event(title="Mine", capacity=1)
    waiting = make_event(title="Waiting one", capacity=1)
    make_event(title="Not booked")
    services.book(mine, user=member)
    services.book(waiting, user=member_other)
    services.book(waiting, user=member)
    client.force_login(member)
    client.get("/portal/events/")
    old_url = f"/events/feed/{CalendarFeed.objects.get(user=member).token}.ics"
    client.logout()
    feed = client.get(old_url)
    assert feed["Content-Type"].startswith("text/calendar")
    text = feed.content.decode()
    assert "SUMMARY:Mine" in text and "JOIN-SECRET" in text
    assert "no-store" in feed["Cache-Control"]
    assert "/events/" + mine.slug + "/" in text
    assert "Waiting one" not in text and "Not booked" not in text
    client.force_login(member)
    response = client.post("/portal/events/feed/reset/", follow=True)
    assert "old one no longer works" in response.content.decode()
    assert client.get(old_url).status_code == 404
    new_url = f"/events/feed/{CalendarFeed.objects.get(user=member).token}.ics"
    assert client.get(new_url).status_code == 200
    assert client.get("/events/feed/nope.ics").status_code == 404


def test_portal_dashboard_shows_my_events_panel(client, member, home_page):
    services.book(make_event(title="Panel webinar"), user=member)
    client.force_login(member)
    page = client.get("/portal/").content.decode()
    assert "My events" in page and "Panel webinar" in page


def test_bookings_are_in_the_data_download_and_erased_with_the_account(member):
    event = make_event(title="Exported")
    services.book(event, user=member, access_needs="Captions")
    services.book(event, name="Me too", email=member.email)
    services.feed_for(member)
    section = exports.export_bookings_section(member)
    assert section.records[0]["event"] == "Exported"
    assert section.records[0]["access_needs_shared"] == "Captions"
    exports.erase_member_data(member)
    assert not EventBooking.objects.exists()
    assert not CalendarFeed.objects.exists()


def test_shared_access_needs_are_cleared_30_days_after_the_event(member):
    event = make_event(starts_at=timezone.now() + timedelta(hours=1))
    services.book(event, user=member, access_needs="Captions")
    event.starts_at = timezone.now() - timedelta(days=40)
    event.ends_at = event.starts_at + timedelta(hours=2)
    event.save()
    recent = make_event(starts_at=timezone.now() + timedelta(hours=1))
    services.book(recent, user=member, access_needs="Keep")
    assert purge_event_access_needs(timezone.now()) == 1
    assert set(EventBooking.objects.values_list("access_needs", flat=True)) == {
        "",
        "Keep",
    }
