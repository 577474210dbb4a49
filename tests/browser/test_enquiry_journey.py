"""A leader sends an enquiry with the keyboard, fixing mistakes from the error summary; then
programme staff find it in the admin, assign it, move its status on and add a note."""

import re
import time

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    screenshot,
    sign_in,
)


def type_into(page, selector, text):
    page.focus(selector)
    page.keyboard.type(text)


def choose_radio(page, selector):
    page.focus(selector)
    page.keyboard.press("Space")


def test_leader_sends_an_enquiry_and_staff_triage_it(page, live_site):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page.goto(live_site("/enquire/"))
    expect(page.locator("h1")).to_have_count(1)
    assert page.title().startswith("Make an enquiry")
    assert_accessible(page, "enquiry form")
    assert_no_horizontal_scroll(page)
    screenshot(page, "enquiry-form")
    rendered_at = time.monotonic()

    # First attempt, with mistakes: a broken email and no message.
    type_into(page, "#id_full_name", "Priya Shah")
    type_into(page, "#id_email", "priya.shah@")
    type_into(page, "#id_job_title", "Director of Adult Social Care")
    type_into(page, "#id_organisation", "Example County Council")
    choose_radio(page, "#id_organisation_type_2")
    page.focus("#id_region")
    page.select_option("#id_region", label="West Midlands")
    choose_radio(page, "#id_enquiry_type_0")
    choose_radio(page, "#id_consent")
    # The form refuses anything sent within 3 seconds of rendering; a person is slower.
    time.sleep(max(0, 3.5 - (time.monotonic() - rendered_at)))
    page.focus(".enquiry-form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.title().startswith("Error: ")
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    links = summary.locator("a")
    expect(links).to_have_count(2)
    # What was typed is still there.
    assert page.input_value("#id_organisation") == "Example County Council"
    assert page.is_checked("#id_consent")
    assert_accessible(page, "enquiry form with errors")
    screenshot(page, "enquiry-form-errors")

    # Follow the first error link with the keyboard: focus lands in the email field.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").startswith(
        "Enter an email"
    )
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_email"
    page.keyboard.press("Control+A")
    page.keyboard.type("priya.shah@example.org")

    page.focus("[data-error-summary]")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_message"
    page.keyboard.type(
        "We would like coaching for our senior team <script>alert(1)</script>"
    )

    page.focus(".enquiry-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/enquire/thank-you/$"))
    expect(page.locator("h1")).to_have_text("Enquiry sent")
    reference = re.search(r"ENQ-\d{4}-\d{5}", page.content()).group(0)
    assert_accessible(page, "enquiry confirmation")
    screenshot(page, "enquiry-confirmation")

    # Reloading the confirmation shows the same reference and stores nothing new.
    page.reload()
    assert reference in page.content()
    rows = live_site.query(
        "SELECT status, full_name FROM members_enquiry WHERE reference = ?",
        (reference,),
    )
    assert rows == [("new", "Priya Shah")]
    assert live_site.last_email_to("priya.shah@example.org")[0].endswith(
        f"({reference})"
    )

    # Programme staff triage it in the admin.
    sign_in(page, live_site, "staff@example.org", next_path="/admin/")
    page.wait_for_url(re.compile(r"/admin/$"))
    assert "Enquiries this week" in page.content()
    page.goto(live_site(f"/admin/members/enquiry/?q={reference}"))
    row = page.locator("tr", has_text=reference)
    expect(row).to_have_count(1)
    screenshot(page, "enquiry-admin-list")
    inspect_link = row.locator("a[href*='/inspect/']").first
    with page.expect_navigation():
        inspect_link.press("Enter")
    assert re.search(r"/admin/members/enquiry/inspect/\d+/$", page.url)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.content()

    page.focus("#id_assignee")
    page.select_option("#id_assignee", label="Sam Staff")
    with page.expect_navigation():
        page.get_by_role("button", name="Save assignee").press("Enter")
    expect(page.locator("main")).to_contain_text("Assigned to: Sam Staff")

    page.select_option("#id_status", value="in_progress")
    with page.expect_navigation():
        page.get_by_role("button", name="Change status").press("Enter")
    expect(page.locator("main")).to_contain_text("Status: In progress")

    type_into(page, "#id_text", "Phoned Priya; coaching call booked for next week.")
    with page.expect_navigation():
        page.get_by_role("button", name="Add note").press("Enter")
    notes = page.locator("#notes").inner_text()
    assert "Phoned Priya; coaching call booked" in notes
    assert "Sam Staff" in notes
    history = page.locator(
        "section[aria-labelledby=activity-panel-heading]"
    ).inner_text()
    assert "Status changed from New to In progress" in history
    screenshot(page, "enquiry-admin-inspect")

    rows = live_site.query(
        "SELECT e.status, u.email FROM members_enquiry e "
        "JOIN members_user u ON u.id = e.assignee_id WHERE e.reference = ?",
        (reference,),
    )
    assert rows == [("in_progress", "staff@example.org")]
    assert dialogs == []


def test_editor_cannot_open_enquiries(page, live_site):
    sign_in(page, live_site, "editor@example.org", next_path="/admin/")
    page.wait_for_url(re.compile(r"/admin/$"))
    assert "Enquiries this week" not in page.content()
    response = page.goto(live_site("/admin/members/enquiry/"))
    assert response.status == 403


def test_double_clicking_send_stores_one_enquiry(page, live_site):
    page.goto(live_site("/enquire/"))
    rendered_at = time.monotonic()
    type_into(page, "#id_full_name", "Double Clicker")
    type_into(page, "#id_email", "double.clicker@example.org")
    type_into(page, "#id_job_title", "Chief Executive")
    type_into(page, "#id_organisation", "Example Trust")
    choose_radio(page, "#id_organisation_type_0")
    page.select_option("#id_region", label="London")
    choose_radio(page, "#id_enquiry_type_1")
    type_into(page, "#id_message", "Mentoring, please.")
    choose_radio(page, "#id_consent")
    time.sleep(max(0, 3.5 - (time.monotonic() - rendered_at)))
    page.locator(".enquiry-form button[type=submit]").dblclick()
    page.wait_for_url(re.compile(r"/enquire/thank-you/$"))
    rows = live_site.query(
        "SELECT reference FROM members_enquiry WHERE full_name = 'Double Clicker'"
    )
    assert len(rows) == 1
    assert rows[0][0] in page.content()
