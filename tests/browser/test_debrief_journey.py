"""Debriefs in Chromium: the demo partner asks for a debrief after a coaching session
(one click, a short form, sent with their choice of a video call); partner support staff
find it in "Things to do", open it and mark it arranged; the partner sees it arranged;
the leader of the same pairing never sees a word of it. The partner's training record
shows the course running out soon. Every page is checked with axe and photographed at
1280 and 360 px.
"""

import re

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    screenshot,
    sign_in,
)

NOTE = "After 4pm is best. The session brought back my own discharge."


def test_a_partner_asks_for_a_debrief_and_support_staff_arrange_it(live_site, new_page):
    partner = new_page()
    sign_in(partner, live_site, "partner@example.org", next_path="/portal/debriefs/")
    # Other journeys share this site (a facilitator may have asked after a learning set):
    # count what is there, and look for one more.
    expect(partner.locator("h1")).to_have_text("Your debriefs")
    partner.wait_for_load_state("load")
    rows = partner.locator("main .pairing-list__item")
    before = rows.count()
    partner.goto(live_site("/portal/pairings/"))
    partner.get_by_role("link", name=re.compile("Director of Nursing")).click()
    partner.wait_for_url(re.compile(r"/portal/pairings/\d+/$"))
    pairing_url = partner.url
    sessions = partner.locator("table:has(caption:has-text('Sessions recorded'))")
    # The demo already has a debrief waiting after the latest session.
    expect(sessions.get_by_role("link", name=re.compile("^Asked for"))).to_have_count(1)
    ask = sessions.get_by_role("link", name=re.compile(r"^Ask for a debrief"))
    expect(ask.first).to_be_visible()
    assert_accessible(partner, "the partner's pairing with debrief links")
    screenshot(partner, "debrief-pairing-partner")

    ask.first.click()
    partner.wait_for_url(re.compile(r"/portal/debriefs/ask/\?session=\d+$"))
    expect(partner.locator("h1")).to_have_text("Ask for a debrief")
    expect(partner.get_by_label("A phone call")).to_be_checked()
    assert_accessible(partner, "the debrief form")
    assert_no_horizontal_scroll(partner)
    screenshot(partner, "debrief-ask")
    partner.get_by_label("A video call").check()
    partner.get_by_label("Anything you would like us to know first").fill(NOTE)
    with partner.expect_navigation():
        partner.get_by_role("button", name="Ask for a debrief").click()
    expect(partner).to_have_url(re.compile(r"/portal/debriefs/$"))
    expect(partner.locator(".messages")).to_contain_text(
        "Partner support staff will get in touch within a day"
    )
    expect(rows).to_have_count(before + 1)
    expect(rows.first).to_contain_text("A video call")
    expect(rows.first).to_contain_text("Waiting for someone to get in touch")
    assert_accessible(partner, "the partner's debriefs")
    screenshot(partner, "debrief-my-requests")

    support = new_page()
    sign_in(support, live_site, "support@example.org", next_path="/admin/")
    support.wait_for_url(re.compile(r"/admin/$"))
    expect(support.locator("main")).to_contain_text(
        f"{before + 1} partners asked for a debrief: get in touch within the day"
    )
    with support.expect_navigation():
        support.get_by_role("link", name="See debrief requests").click()
    listing = support.locator("table.listing tbody tr")
    expect(listing).to_have_count(before + 1)
    assert_accessible(support, "support staff's debrief list")
    screenshot(support, "debrief-admin-list")
    with support.expect_navigation():
        listing.last.get_by_role("link").click()
    expect(support.locator("main")).to_contain_text(NOTE)
    expect(support.locator("main")).to_contain_text("A video call")
    assert_accessible(support, "one debrief request")
    screenshot(support, "debrief-admin-request")
    with support.expect_navigation():
        support.get_by_role("button", name="Mark as arranged").click()
    expect(support.locator("main")).to_contain_text("marked as arranged")
    expect(support.locator("table.listing tbody tr")).to_have_count(before + 1)
    expect(support.locator("table.listing tbody")).to_contain_text("Arranged")

    partner.reload()
    expect(rows.first).to_contain_text("Arranged")

    # The partner's training: one course runs out in about 20 days.
    partner.goto(live_site("/portal/training/"))
    expect(partner.locator(".notice")).to_contain_text("Safeguarding adults")
    expect(partner.locator("main .pairing-list")).to_contain_text("Runs out soon")
    assert_accessible(partner, "the partner's training")
    assert_no_horizontal_scroll(partner)
    screenshot(partner, "training-record")

    # The leader of the same pairing: nothing about debriefs anywhere they look.
    leader = new_page()
    sign_in(leader, live_site, "leader@example.org")
    for path in (pairing_url[pairing_url.index("/portal/") :], "/portal/"):
        leader.goto(live_site(path))
        text = leader.locator("body").inner_text().lower()
        assert "debrief" not in text, path
        assert "4pm" not in text, path
    assert_accessible(leader, "the leader's portal")
    leader.goto(live_site("/portal/training/"))
    expect(leader.locator("main")).to_contain_text("No training is recorded")
