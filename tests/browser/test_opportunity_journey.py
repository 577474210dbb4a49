"""A member finds an opportunity, expresses interest, sees it pending and withdraws it;
programme staff shortlist someone and the member gets a kind email."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    screenshot,
    sign_in,
)

STUDY = "Help shape a study of carers' experiences of hospital discharge"


def test_member_filters_expresses_interest_and_withdraws(page, live_site):
    sign_in(page, live_site, "member@example.org", next_path="/opportunities/")
    page.wait_for_url(re.compile(r"/opportunities/$"))
    expect(page.locator("h1")).to_have_text("Opportunities")
    assert_accessible(page, "opportunity listing")
    assert_no_horizontal_scroll(page)
    screenshot(page, "opportunities-listing")

    # Filter without JavaScript: a plain GET form.
    page.get_by_label("Type").select_option(label="Research involvement")
    page.get_by_role("button", name="Show opportunities").click()
    page.wait_for_url(re.compile(r"type=research"))
    cards = page.locator(".opportunity-card")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("places left")
    assert re.search(r"Closes in \d+ days", cards.first.inner_text())

    page.get_by_role("link", name=STUDY).click()
    expect(page.locator("h1")).to_have_text(STUDY)
    expect(page.get_by_role("heading", name="What's involved")).to_be_visible()
    assert_accessible(page, "opportunity page")
    assert_no_horizontal_scroll(page)
    screenshot(page, "opportunity-page")

    page.get_by_role("link", name="Express interest").click()
    assert_accessible(page, "express interest form")
    # Submitting empty shows the error summary linked to the fields.
    page.get_by_role("button", name="Send my interest").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page, "express interest errors")
    screenshot(page, "express-interest-errors")

    page.get_by_label("Why are you interested?").fill(
        "I look after my husband and we have been through three discharges."
    )
    page.get_by_label("When are you available?").fill("Weekday mornings")
    page.get_by_role("button", name="Send my interest").click()
    expect(page.locator(".messages")).to_contain_text("waiting for review")
    expect(page.locator("main")).to_contain_text("Submitted (pending review)")
    assert_accessible(page, "interest detail")
    screenshot(page, "interest-detail")

    page.goto(live_site("/portal/"))
    panel = page.locator(
        "section", has=page.get_by_role("heading", name="My expressions of interest")
    )
    expect(panel).to_contain_text(STUDY)
    expect(panel).to_contain_text("Submitted (pending review)")
    assert_accessible(page, "portal with interests")
    screenshot(page, "portal-interests")

    panel.get_by_role("link", name=STUDY).click()
    page.get_by_role("link", name="Withdraw my interest").click()
    assert_accessible(page, "withdraw confirmation")
    page.get_by_role("button", name="Yes, withdraw my interest").click()
    page.wait_for_url(re.compile(r"/portal/interests/$"))
    row = page.locator("tr", has_text=STUDY)
    expect(row).to_contain_text("Withdrawn")
    assert_accessible(page, "my interests")
    screenshot(page, "my-interests")


def test_staff_shortlist_a_waiting_member_who_is_emailed(page, live_site):
    sign_in(page, live_site, "staff@example.org", next_path="/admin/")
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(
        live_site("/admin/members/expressionofinterest/?status__exact=waiting_list")
    )
    row = page.locator("tr", has_text="Morgan").first
    row.locator("a[href*='/inspect/']").first.click()
    heading = page.locator("#interest-status-heading")
    expect(heading).to_have_text("Status: Waiting list")
    page.get_by_label("Move to").select_option("shortlisted")
    page.get_by_role("button", name="Change status").click()
    expect(heading).to_have_text("Status: Shortlisted")
    screenshot(page, "admin-interest-shortlisted")
    email = live_site.last_email_to("member@example.org")
    assert email, "no email to the member"
    subject, body = email
    assert "shortlisted" in subject.lower()
    assert "Good news" in body
