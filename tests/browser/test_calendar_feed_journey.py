"""A member's private calendar in Chromium and in a calendar parser: the address copied from
/portal/events/ is read the way a calendar app reads it (no cookies, another client), parsed
by the icalendar library, and holds exactly the events they have a confirmed place at, each
linking back to its page and carrying the joining link; after "Make a new address" the old
one stops working."""

import urllib.error
import urllib.request

import icalendar
import pytest

from tests.browser.conftest import assert_accessible, screenshot, sign_in

WEBINAR = "/events/co-production-in-commissioning-webinar/"


def fetch(url):
    """What a calendar app gets: no session, no browser."""
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - 127.0.0.1 only
        assert response.headers.get_content_type() == "text/calendar"
        return response.read()


def test_the_private_feed_opens_in_a_calendar_parser_with_the_right_entries(
    new_page, live_site
):
    member = new_page(width=360)
    sign_in(member, live_site, "member@example.org")
    member.goto(live_site("/portal/events/"))
    assert_accessible(member, "my events")
    screenshot(member, "calendar-feed-portal")
    address = member.locator("#feed-url").input_value()
    assert address.startswith(live_site("/events/feed/")) and address.endswith(".ics")

    calendar = icalendar.Calendar.from_ical(fetch(address))
    entries = calendar.walk("VEVENT")
    booked = live_site.query(
        "SELECT e.title, e.slug, e.joining_link FROM members_eventbooking b "
        "JOIN members_event e ON e.id = b.event_id JOIN members_user u ON u.id = b.user_id "
        "WHERE u.email = 'member@example.org' AND b.status = 'confirmed' "
        "ORDER BY e.starts_at"
    )
    assert booked, "the demo member has confirmed places"
    assert sorted(str(entry["SUMMARY"]) for entry in entries) == sorted(
        title for title, _, _ in booked
    )
    for entry, (title, slug, joining) in zip(
        sorted(entries, key=lambda e: e.decoded("DTSTART")), booked, strict=True
    ):
        assert str(entry["SUMMARY"]) == title
        assert str(entry["URL"]) == live_site(f"/events/{slug}/")
        assert entry.decoded("DTEND") > entry.decoded("DTSTART")
        if joining:
            assert joining in str(entry["DESCRIPTION"])

    # A new address: the old one stops working at once, the new one works.
    member.get_by_role("button", name="Make a new calendar address").click()
    member.wait_for_load_state()
    renewed = member.locator("#feed-url").input_value()
    assert renewed != address
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(address)
    assert refused.value.code == 404
    assert icalendar.Calendar.from_ical(fetch(renewed)).walk("VEVENT")


def test_the_public_events_calendar_parses_and_keeps_joining_links_out(live_site):
    calendar = icalendar.Calendar.from_ical(fetch(live_site("/events/calendar.ics")))
    entries = calendar.walk("VEVENT")
    assert entries
    titles = [str(entry["SUMMARY"]) for entry in entries]
    assert "Co-production in commissioning: a webinar for leaders" in titles
    for entry in entries:
        assert "meet.example.org" not in str(entry.get("DESCRIPTION", ""))
    one = icalendar.Calendar.from_ical(fetch(live_site(WEBINAR + "calendar.ics")))
    assert len(one.walk("VEVENT")) == 1
