"""Events in Chromium: a visitor books the public webinar without an account and cancels
from the emailed link; a freed workshop place is offered to the member waiting, who
confirms it from "Things to do"; staff mark attendance on a phone-sized screen. Every page
is checked with axe and photographed at 1280 and 360 px. A co-chair also adds to the
network's "you said, we did" log, which a visitor then reads.
"""

import re

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    screenshot,
    sign_in,
)

WEBINAR = "/events/co-production-in-commissioning-webinar/"
WORKSHOP = "/events/speaking-with-senior-leaders-workshop/"
ADVISORY = "/events/advisory-group-what-we-heard-this-year/"


def test_a_visitor_books_the_webinar_without_an_account_and_cancels(page, live_site):
    page.goto(live_site("/events/"))
    page.get_by_role(
        "link", name="Co-production in commissioning: a webinar for leaders"
    ).click()
    page.wait_for_url(re.compile(re.escape(WEBINAR) + "$"))
    assert_accessible(page, "event page for a visitor")
    page.get_by_label("Your name").fill("Rhiannon Visitor")
    page.get_by_label("Email address").fill("rhiannon@example.org")
    page.get_by_role("button", name="Book my place").click()
    expect(page.locator(".messages")).to_contain_text(
        "We have emailed rhiannon@example.org"
    )
    # The joining link is for people with a place, never on the public page.
    assert "meet.example.org" not in page.content()

    email = live_site.last_email_to("rhiannon@example.org")
    assert email, "the booking email was not stored in the outbox"
    manage = re.search(r"http://[^\s]+/events/booking/[\w-]+/", email[1]).group(0)
    page.goto(live_site(manage[manage.index("/events/") :]))
    expect(page.locator("main")).to_contain_text("Place confirmed")
    assert "meet.example.org/voices-webinar" in page.content()
    assert_accessible(page, "a visitor's booking")
    screenshot(page, "event-visitor-booking")
    page.get_by_role("button", name="Cancel my booking").click()
    expect(page.locator(".messages")).to_contain_text("Your booking is cancelled")
    expect(page.locator("main")).not_to_contain_text("meet.example.org")


def test_a_freed_place_is_offered_and_the_member_waiting_confirms_it(
    live_site, new_page
):
    cochair = new_page()
    sign_in(cochair, live_site, "cochair@example.org", next_path="/portal/events/")
    cochair.wait_for_url(re.compile(r"/portal/events/$"))
    cochair.get_by_role(
        "button", name="Cancel Getting ready to speak with senior leaders"
    ).click()
    expect(cochair.locator(".messages")).to_contain_text("is cancelled")

    partner = new_page()
    sign_in(partner, live_site, "partner@example.org")
    partner.wait_for_url(re.compile(r"/portal/$"))
    things = partner.locator("#panel-attention").locator("..")
    expect(things).to_contain_text(
        "Confirm your place: Getting ready to speak with senior leaders"
    )
    assert re.search(r"by \d+ \w+ \d{4}, \d+:\d\d [ap]\.m\.", things.inner_text())
    assert_accessible(partner, "dashboard with an offer")
    things.get_by_role("link", name="Confirm or cancel").click()
    partner.wait_for_url(re.compile(r"/portal/events/$"))
    assert_accessible(partner, "my events with an offer")
    screenshot(partner, "event-offer")
    assert_no_horizontal_scroll(partner)
    partner.get_by_role(
        "button", name="Confirm my place for Getting ready to speak with senior leaders"
    ).click()
    expect(partner.locator(".messages")).to_contain_text("Your place is confirmed")
    partner.goto(live_site(WORKSHOP))
    expect(partner.locator("main")).to_contain_text("You have a place at this event")


def test_staff_mark_attendance_on_a_phone(live_site, new_page):
    staff = new_page(width=360)
    sign_in(staff, live_site, "staff@example.org", next_path=ADVISORY)
    staff.wait_for_url(re.compile(re.escape(ADVISORY) + "$"))
    staff.get_by_role("link", name="Mark attendance").click()
    staff.wait_for_url(re.compile(r"/attendance/$"))
    assert_accessible(staff, "attendance list")
    assert_no_horizontal_scroll(staff)
    came = staff.get_by_label("Jo Partner")
    expect(came).not_to_be_checked()
    came.check()
    staff.get_by_role("button", name="Save attendance").click()
    expect(staff.locator(".messages")).to_contain_text(
        "Attendance saved: 3 came and 0 did not."
    )
    expect(staff.get_by_label("Jo Partner")).to_be_checked()
    screenshot(staff, "event-attendance")
    rows = live_site.query(
        "SELECT count(*) FROM members_eventbooking b JOIN members_event e "
        "ON e.id = b.event_id WHERE e.slug = ? AND b.attended = 1",
        ("advisory-group-what-we-heard-this-year",),
    )
    assert rows == [(3,)]


PAST_NETWORK_MEETING = "Network meeting: getting to appointments"


def test_a_cochair_marks_attendance_and_writes_a_you_said_we_did_item(
    live_site, new_page
):
    cochair = new_page()
    sign_in(
        cochair,
        live_site,
        "cochair@example.org",
        next_path="/portal/networks/west-midlands/",
    )
    cochair.wait_for_url(re.compile(r"/portal/networks/west-midlands/$"))
    # The network's last meeting is theirs to organise: who came, from the workspace.
    cochair.get_by_role(
        "link", name=f"Mark attendance for {PAST_NETWORK_MEETING}"
    ).click()
    expect(cochair.locator("h1")).to_contain_text(PAST_NETWORK_MEETING)
    assert_accessible(cochair, "co-chair marks attendance")
    screenshot(cochair, "event-attendance-cochair")
    cochair.get_by_label("Jo Partner").check()
    cochair.get_by_role("button", name="Save attendance").click()
    expect(cochair.locator(".messages")).to_contain_text(
        "Attendance saved: 3 came and 0 did not."
    )
    cochair.goto(live_site("/portal/networks/west-midlands/"))
    cochair.get_by_role("link", name="Keep the “you said, we did” log").click()
    cochair.get_by_role("link", name="Add an item").click()
    assert_accessible(cochair, "you said, we did form")
    cochair.get_by_label("You said").fill(
        "The hearing loop at the library did not work at the last meeting."
    )
    cochair.get_by_label("What was decided").fill("Test the loop before each meeting.")
    cochair.get_by_role("button", name="Save").click()
    expect(cochair.locator(".messages")).to_contain_text(
        "shows on the network’s public log"
    )

    visitor = new_page(width=360)
    visitor.goto(live_site("/networks/west-midlands/"))
    visitor.get_by_role(
        "link", name="read the network’s “you said, we did” log"
    ).click()
    expect(visitor.locator("main")).to_contain_text("hearing loop at the library")
    assert_accessible(visitor, "public you said, we did log")
    assert_no_horizontal_scroll(visitor)
    screenshot(visitor, "you-said-we-did")
