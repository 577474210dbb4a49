"""A safeguarding concern in Chromium: a partner raises one from their portal saying
someone is in immediate danger and sees the emergency guidance at once; programme staff
are refused the concerns log; the designated safeguarding lead opens the log and the
concern, and the opening is recorded. Every page is checked with axe and photographed at
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

WHAT_HAPPENED = "A participant said they are frightened to go home tonight."


def test_a_partner_raises_a_concern_and_only_the_lead_opens_it(live_site, new_page):
    partner = new_page()
    sign_in(partner, live_site, "partner@example.org")
    partner.wait_for_url(re.compile(r"/portal/$"))
    panel = partner.get_by_role("region", name="Worried about someone?")
    screenshot(partner, "concern-portal-panel")
    panel.get_by_role("link", name="Raise a concern").click()
    partner.wait_for_url(re.compile(r"/portal/concerns/new/$"))
    assert_accessible(partner, "raise a concern")
    # Sending nothing: a summary of what is missing, nothing stored.
    with partner.expect_navigation():
        partner.get_by_role("button", name="Send to the safeguarding leads").click()
    expect(partner.locator(".error-summary")).to_contain_text(
        "Say whether anyone is in immediate danger"
    )
    assert_accessible(partner, "raise a concern with errors")
    screenshot(partner, "concern-form-errors")

    partner.get_by_role("group", name="Is anyone in immediate danger?").get_by_label(
        "Yes"
    ).check()
    partner.get_by_label("Someone else").check()
    partner.get_by_label("Who the concern is about").fill(
        "A participant at the workshop"
    )
    partner.get_by_label("What happened, or what is worrying you").fill(WHAT_HAPPENED)
    with partner.expect_navigation():
        partner.get_by_role("button", name="Send to the safeguarding leads").click()
    partner.wait_for_url(re.compile(r"/portal/concerns/\d+/sent/$"))
    number = re.search(r"/concerns/(\d+)/sent/", partner.url).group(1)
    guidance = partner.get_by_role("region", name="If someone is in danger right now")
    expect(guidance).to_contain_text("Call 999")
    expect(guidance).to_contain_text("NHS 111")
    assert_accessible(partner, "concern sent with immediate risk")
    assert_no_horizontal_scroll(partner)
    screenshot(partner, "concern-sent-guidance")

    staff = new_page()
    sign_in(staff, live_site, "staff@example.org", next_path="/admin/")
    response = staff.goto(live_site("/admin/safeguarding/"))
    assert response.status == 403
    expect(staff.locator("main")).not_to_contain_text(WHAT_HAPPENED)
    response = staff.goto(live_site(f"/admin/safeguarding/{number}/"))
    assert response.status == 403
    # Staff may raise one from the admin, though they cannot read any.
    staff.goto(live_site("/admin/safeguarding/new/"))
    expect(staff.get_by_role("heading", name="Raise a concern")).to_be_visible()
    assert_accessible(staff, "raise a concern in the admin")
    screenshot(staff, "concern-admin-raise")

    lead = new_page()
    sign_in(
        lead, live_site, "safeguarding@example.org", next_path="/admin/safeguarding/"
    )
    lead.wait_for_url(re.compile(r"/admin/safeguarding/$"))
    lead.reload()  # past the "signed in" message, to the log as a lead returns to it
    row = lead.locator("tr", has=lead.get_by_role("link", name=f"Concern {number}"))
    expect(row).to_contain_text("Yes")
    assert_accessible(lead, "the concerns log")
    screenshot(lead, "concerns-log")
    before = live_site.query(
        "SELECT count(*) FROM members_concernview WHERE concern_id = ?", (number,)
    )[0][0]
    lead.get_by_role("link", name=f"Concern {number}").click()
    lead.wait_for_url(re.compile(rf"/admin/safeguarding/{number}/$"))
    expect(lead.locator("main")).to_contain_text(WHAT_HAPPENED)
    expect(lead.locator("main")).to_contain_text("partner@example.org")
    after = live_site.query(
        "SELECT count(*) FROM members_concernview WHERE concern_id = ? "
        "AND action = 'viewed'",
        (number,),
    )[0][0]
    assert after == before + 1
    assert_accessible(lead, "a concern for the lead")
    screenshot(lead, "concern-detail-lead")
