"""Learning sets in Chromium: programme staff set one up with a facilitating partner,
add a session and invite a leader; the leader finds the invitation in things to do,
joins, and sees the set with its facilitator's introduction; a facilitator of the demo
set marks who came to a session it held and asks for a debrief after it. Axe checks each page; screenshots at 1280 and
360 px."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    screenshot,
    sign_in,
)

SET_NAME = "Carers at the table"
DEMO_SET = "Sharing power in commissioning"


def test_staff_set_up_a_set_and_a_leader_joins_it(live_site, new_page):
    staff = new_page()
    sign_in(staff, live_site, "staff@example.org", next_path="/admin/learning/new/")
    staff.wait_for_url(re.compile(r"/admin/learning/new/$"))
    # Sent empty first: every problem is listed and linked to its field.
    with staff.expect_navigation():
        staff.get_by_role("button", name="Set it up").click()
    expect(staff.locator("#error-summary")).to_contain_text("Enter a name for the set")
    assert_accessible(staff, "set up a learning set, with errors")
    staff.get_by_label("Name").fill(SET_NAME)
    staff.get_by_label("Focus").fill("How carers share decisions about local services.")
    staff.get_by_label("First session on").fill("2027-02-01")
    staff.get_by_label("Last session on").fill("2027-06-01")
    choose = staff.get_by_label("Facilitating partner", exact=True)
    jo = choose.locator("option", has_text="Jo Partner").get_attribute("value")
    choose.select_option(value=jo)
    staff.get_by_label("Their short introduction for the leaders").fill(
        "Jo has lived with a lung condition for twenty years."
    )
    with staff.expect_navigation():
        staff.get_by_role("button", name="Set it up").click()
    expect(staff.locator("h1")).to_contain_text(SET_NAME)
    staff.get_by_label("Day").fill("2027-02-01")
    staff.get_by_label("Starts at").fill("14:00")
    with staff.expect_navigation():
        staff.get_by_role("button", name="Add the session").click()
    expect(staff.locator(".messages")).to_contain_text("Session 1 added")
    staff.get_by_label("Leaders to invite").fill(
        "leader@example.org, Lee Leader, Example Integrated Care Board"
    )
    with staff.expect_navigation():
        staff.get_by_role("button", name="Send the invitations").click()
    expect(staff.locator(".messages")).to_contain_text("1 leader invited by email")
    expect(staff.locator("main")).to_contain_text("Waiting, until")
    # Read again without the message, which Wagtail fades in: axe once measured its
    # contrast halfway through the fade.
    staff.reload()
    assert_accessible(staff, "a learning set for staff")
    screenshot(staff, "learning-set-staff")

    leader = new_page()
    sign_in(leader, live_site, "leader@example.org")
    leader.get_by_role("link", name="Reply to the invitation").click()
    expect(leader.locator("h1")).to_contain_text(f"Join {SET_NAME}")
    assert_accessible(leader, "joining a learning set")
    with leader.expect_navigation():
        leader.get_by_role("button", name="Join the set").click()
    expect(leader.locator(".error-summary")).to_contain_text(
        "Choose a number from 1 to 5"
    )
    leader.get_by_label("Show my first name and organisation").check()
    leader.get_by_label("3", exact=True).check()
    with leader.expect_navigation():
        leader.get_by_role("button", name="Join the set").click()
    expect(leader.locator(".messages")).to_contain_text(f"You have joined {SET_NAME}")
    main = leader.locator("main")
    expect(main).to_contain_text("Jo has lived with a lung condition")
    expect(main).to_contain_text("Lee, Example Integrated Care Board (you)")
    expect(main).not_to_contain_text("Mark attendance")
    assert_accessible(leader, "a learning set for a leader")
    screenshot(leader, "learning-set-leader")
    leader.set_viewport_size({"width": 360, "height": 800})
    assert_no_horizontal_scroll(leader)


def test_a_facilitator_marks_who_came_to_a_session(live_site, new_page):
    partner = new_page()
    sign_in(partner, live_site, "partner@example.org", next_path="/portal/learning/")
    partner.get_by_role("link", name=DEMO_SET).click()
    expect(partner.locator("h1")).to_contain_text(DEMO_SET)
    expect(partner.locator("main")).to_contain_text("not shown to the others")
    assert_accessible(partner, "a learning set for a facilitator")
    screenshot(partner, "learning-set-facilitator")
    partner.get_by_role("link", name="Mark attendance for session 3").click()
    expect(partner.locator("h1")).to_contain_text(f"{DEMO_SET}: session 3")
    partner.get_by_label("Priya Shah").check()
    with partner.expect_navigation():
        partner.get_by_role("button", name="Save attendance").click()
    expect(partner.locator(".messages")).to_contain_text("Attendance saved: 7 came")
    # A hard session: the facilitator asks partner support for a debrief, in one click
    # and a short form where everything is optional.
    partner.goto(live_site("/portal/learning/"))
    partner.get_by_role("link", name=DEMO_SET).click()
    partner.get_by_role("link", name="Ask for a debrief after session 3").click()
    assert_accessible(partner, "asking for a debrief after a learning set session")
    with partner.expect_navigation():
        partner.get_by_role("button", name="Ask for a debrief").click()
    expect(partner.locator(".messages")).to_contain_text("Partner support staff will")
