"""A co-chair runs the West Midlands network from the portal, in Chromium.

The co-chair posts a public update and a members-only one, programme staff approve them
(the demo network moderates updates), and then a visitor sees only the public one while a
member sees both. The co-chair also approves a join request. Every page is checked with axe.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    screenshot,
    sign_in,
)

PUBLIC_TITLE = "Walking group starts in March"
MEMBERS_TITLE = "Draft agenda for members to comment on"
WORKSPACE = "/portal/networks/west-midlands/"
NETWORK = "/networks/west-midlands/"


def write_update(page, title, body, audience):
    page.get_by_role("link", name="Write an update").click()
    page.get_by_label("Title").fill(title)
    page.get_by_label("Text of the update").fill(body)
    page.get_by_label(audience).check()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages").get_by_text(title)).to_have_count(1)


def test_cochair_posts_updates_and_approves_a_join_request(page, live_site, new_page):
    sign_in(page, live_site, "cochair@example.org", next_path=WORKSPACE)
    page.wait_for_url(re.compile(re.escape(WORKSPACE) + "$"))
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page, "co-chair workspace")
    assert_no_horizontal_scroll(page)
    screenshot(page, "network-workspace")

    # An empty form explains itself with an error summary linked to the fields.
    page.get_by_role("link", name="Write an update").click()
    page.get_by_role("button", name="Publish").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(
        summary.get_by_role("link", name="Enter a title for the update")
    ).to_have_count(1)
    assert_accessible(page, "update form with errors")
    screenshot(page, "network-update-errors")
    page.go_back()
    page.goto(live_site(WORKSPACE))

    write_update(
        page,
        PUBLIC_TITLE,
        "Join us for a gentle walk.\n\n- Level paths\n- Toilets on the route",
        "Everyone (public)",
    )
    write_update(
        page,
        MEMBERS_TITLE,
        "Please read the draft agenda <script>alert(1)</script>before Friday.",
        "Network members only",
    )
    screenshot(page, "network-workspace-after-posting")

    # Approve the demo member's request to join.
    page.get_by_role("button", name="Approve Rowan Member").click()
    expect(
        page.get_by_text("Rowan Member is now a member of the network.")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Approve Rowan Member")).to_have_count(0)

    # Programme staff approve both updates in the admin.
    staff = new_page()
    sign_in(
        staff, live_site, "staff@example.org", next_path="/admin/networks/moderation/"
    )
    staff.wait_for_url(re.compile(r"/admin/networks/moderation/$"))
    for title in (PUBLIC_TITLE, MEMBERS_TITLE):
        staff.get_by_role("link", name=title).click()
        staff.get_by_role("button", name="Approve and publish").click()
        staff.wait_for_url(re.compile(r"/admin/networks/moderation/$"))

    # A visitor sees the public update only.
    visitor = new_page()
    visitor.on("dialog", lambda dialog: pytest.fail("a script ran: " + dialog.message))
    visitor.goto(live_site(NETWORK))
    expect(visitor.get_by_role("heading", name=PUBLIC_TITLE)).to_be_visible()
    expect(visitor.get_by_role("heading", name=MEMBERS_TITLE)).to_have_count(0)
    expect(visitor.get_by_role("heading", name="Co-chairs", exact=True)).to_be_visible()
    assert_accessible(visitor, "network page (visitor)")
    assert_no_horizontal_scroll(visitor)
    screenshot(visitor, "network-page-visitor")

    # A member of the network sees both, and the joining details of meetings.
    member = new_page()
    member.on("dialog", lambda dialog: pytest.fail("a script ran: " + dialog.message))
    sign_in(member, live_site, "member@example.org", next_path=NETWORK)
    member.wait_for_url(re.compile(re.escape(NETWORK) + "$"))
    expect(member.get_by_role("heading", name=PUBLIC_TITLE)).to_be_visible()
    expect(member.get_by_role("heading", name=MEMBERS_TITLE)).to_be_visible()
    assert member.get_by_text("Members only").count() >= 1
    assert_accessible(member, "network page (member)")
    screenshot(member, "network-page-member")

    # The member's dashboard has the networks panel.
    member.goto(live_site("/portal/"))
    expect(member.get_by_role("heading", name="My networks")).to_be_visible()
    assert_accessible(member, "portal with networks panel")


def test_network_index_is_accessible(page, live_site):
    page.goto(live_site("/networks/"))
    assert page.get_by_role("link", name=re.compile("West Midlands")).count() >= 1
    expect(page.get_by_text("Being set up")).to_have_count(2)
    assert_accessible(page, "networks index")
    assert_no_horizontal_scroll(page)
    screenshot(page, "networks-index")
