"""An editor builds a feedback form in the page editor (a scale question with an Easy Read
version and a longer answer) and publishes it; a visitor answers it with the keyboard only,
first sending nothing and meeting the error summary; programme staff read the answer under
"Feedback" and download the spreadsheet."""

import re
import uuid

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    focused_text,
    screenshot,
    sign_in,
    tab_to,
)

EASY_READ = "Was the workshop good for you?"
ANSWER = "More breaks and papers sent a week before."


def test_editor_builds_a_form_visitor_answers_by_keyboard_staff_export(
    page, browser, live_site, new_page
):
    suffix = uuid.uuid4().hex[:6]
    title = f"Feedback on the spring workshop {suffix}"
    admin_context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        url = build_and_publish(admin_context.new_page(), live_site, title)
    finally:
        admin_context.close()

    # A visitor, keyboard only. Sending nothing first: the error summary takes focus.
    page.goto(live_site(url))
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(".field__easy-read")).to_have_text(f"In short: {EASY_READ}")
    assert_accessible(page, "feedback form")
    screenshot(page, "feedback-form")
    tab_to(page, r"^Send your answers$")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Answer the question “How useful was it?”")
    expect(summary).to_be_focused()
    assert_accessible(page, "feedback form with errors")
    screenshot(page, "feedback-form-errors")

    tab_to(page, r"\b1 – Not useful")  # its value, then its label
    page.keyboard.press("ArrowRight")  # arrows move through a radio group: now 2
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert re.match(r"^4\b", focused_text(page)), focused_text(page)
    page.keyboard.press("Space")
    expect(page.locator("input[type=radio][value='4']")).to_be_checked()
    tab_to(page, r"What could be better")
    page.keyboard.type(ANSWER)
    tab_to(page, r"You may quote what I wrote")
    page.keyboard.press("Space")
    expect(
        page.get_by_label("You may quote what I wrote, without my name")
    ).to_be_checked()
    tab_to(page, r"^Send your answers$")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Thank you")
    assert_accessible(page, "feedback thank-you")
    assert_no_horizontal_scroll(page)
    screenshot(page, "feedback-thank-you")
    stored = live_site.query(
        "SELECT s.form_data, s.quote_consent, s.user_id FROM members_feedbacksubmission s "
        "JOIN wagtailcore_page p ON p.id = s.page_id WHERE p.title = ?",
        (title,),
    )
    assert len(stored) == 1 and ANSWER in stored[0][0], stored
    assert stored[0][1:] == (1, None)

    # Programme staff read it and download the spreadsheet.
    staff = new_page()
    sign_in(staff, live_site, "staff@example.org", next_path="/admin/feedback/")
    staff.wait_for_url(re.compile(r"/admin/feedback/$"))
    staff.get_by_role("link", name=title).click()
    expect(staff.locator("main")).to_contain_text(ANSWER)
    screenshot(staff, "feedback-staff-answers")
    with staff.expect_download() as download:
        link = staff.locator("a[href*='export=csv']").first
        if not link.is_visible():
            staff.get_by_role(
                "button", name=re.compile("Actions|More", re.I)
            ).first.click()
        link.click()
    csv_text = open(download.value.path(), encoding="utf-8-sig").read()
    assert ANSWER in csv_text and "How useful was it?" in csv_text


def build_and_publish(admin, live_site, title):
    sign_in(admin, live_site, "editor@example.org", next_path="/admin/")
    admin.wait_for_url(re.compile(r"/admin/$"))
    home_id = live_site.query(
        "SELECT id FROM wagtailcore_page WHERE url_path = '/home/'"
    )[0][0]
    admin.goto(live_site(f"/admin/pages/add/members/feedbackpage/{home_id}/"))
    admin.fill("#id_title", title)
    add = admin.get_by_role("button", name=re.compile(r"^Add question$", re.I))
    add.click()
    admin.fill("#id_form_fields-0-label", "How useful was it?")
    admin.select_option("#id_form_fields-0-field_type", "scale")
    admin.fill("#id_form_fields-0-easy_read", EASY_READ)
    admin.fill("#id_form_fields-0-scale_low", "Not useful")
    admin.fill("#id_form_fields-0-scale_high", "Very useful")
    add.last.click()
    admin.fill("#id_form_fields-1-label", "What could be better?")
    admin.select_option("#id_form_fields-1-field_type", "multiline")
    admin.uncheck("#id_form_fields-1-required")
    admin.locator(
        "footer .dropdown-toggle, footer [data-w-dropdown-target=toggle]"
    ).first.click()
    publish = admin.get_by_role("button", name=re.compile(r"^Publish$"))
    if publish.count():
        with admin.expect_navigation():
            publish.first.click()
    else:  # a moderation workflow: submit, then approve (the demo editor moderates too)
        with admin.expect_navigation():
            admin.get_by_role(
                "button", name=re.compile("Submit to Moderators approval")
            ).click()
        page_id = re.search(r"/admin/pages/(\d+)/", admin.url).group(1)
        admin.goto(live_site(f"/admin/pages/{page_id}/edit/"))
        admin.locator(
            "footer .dropdown-toggle, footer [data-w-dropdown-target=toggle]"
        ).first.click()
        with admin.expect_navigation():
            admin.locator(
                "button[data-workflow-action-name=approve]"
                ":not([data-workflow-action-modal-url])"
            ).click()
    row = live_site.query(
        "SELECT live, url_path FROM wagtailcore_page WHERE title = ?", (title,)
    )
    assert row and row[0][0] == 1, row
    return row[0][1].removeprefix("/home")
