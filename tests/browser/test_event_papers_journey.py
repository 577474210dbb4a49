"""Papers and minutes in Chromium: staff add a members-only paper to the webinar from a
phone-sized screen and the member with a place is emailed; a visitor is told it is for
members; the member downloads it; a member reads the minutes of the past advisory group
meeting they attended. Each page is checked with axe and photographed."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    screenshot,
    sign_in,
)
from tests.browser.test_editor_journey import png_bytes

WEBINAR = "/events/co-production-in-commissioning-webinar/"
ADVISORY = "/events/advisory-group-what-we-heard-this-year/"
TITLE = "Questions to think about before the webinar"


def tiny_pdf():
    return (
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n"
        b"<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


def test_staff_add_a_paper_a_visitor_is_pointed_to_sign_in_a_member_downloads_it(
    page, new_page, live_site
):
    staff = new_page(width=360)
    sign_in(staff, live_site, "staff@example.org")
    staff.goto(live_site(WEBINAR))
    staff.get_by_role("link", name="Papers and minutes").click()
    staff.wait_for_url(re.compile(r"/papers/$"))
    assert_accessible(staff, "papers page")
    assert_no_horizontal_scroll(staff)

    # A picture renamed to .pdf is refused, with the reason beside the field.
    staff.get_by_label("Title").fill(TITLE)
    staff.get_by_label("File").set_input_files(
        files=[
            {
                "name": "questions.pdf",
                "mimeType": "application/pdf",
                "buffer": png_bytes(),
            }
        ]
    )
    staff.get_by_role("button", name="Add the paper").click()
    summary = staff.locator(".error-summary")
    expect(summary).to_contain_text("its contents are not a PDF")
    assert staff.evaluate("document.activeElement.classList.contains('error-summary')")
    assert_accessible(staff, "papers page with an error")
    screenshot(staff, "event-papers-error")

    staff.get_by_label("Title").fill(TITLE)
    staff.get_by_label("Members only").check()
    staff.get_by_label("File").set_input_files(
        files=[
            {
                "name": "questions.pdf",
                "mimeType": "application/pdf",
                "buffer": tiny_pdf(),
            }
        ]
    )
    staff.get_by_role("button", name="Add the paper").click()
    expect(staff.locator(".messages, [role=status]").first).to_contain_text(
        f"“{TITLE}” added"
    )
    expect(staff.get_by_role("link", name=TITLE)).to_have_count(1)
    screenshot(staff, "event-papers-added")

    told = live_site.last_email_to("member@example.org")
    assert told and told[0].startswith("Papers for"), told

    # A visitor sees that there is a paper for members, and where to sign in.
    page.goto(live_site(WEBINAR))
    papers = page.locator("#papers ~ p").first
    expect(papers).to_contain_text("for members")
    expect(page.get_by_role("link", name=TITLE)).to_have_count(0)
    assert_accessible(page, "webinar for a visitor")

    member = new_page()
    sign_in(member, live_site, "member@example.org")
    member.goto(live_site(WEBINAR + "#papers"))
    with member.expect_download() as download:
        member.get_by_role("link", name=TITLE).click()
    saved = download.value
    assert saved.suggested_filename.endswith(".pdf")
    with open(saved.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_a_member_who_came_reads_the_minutes_of_a_past_meeting(new_page, live_site):
    member = new_page(width=360)
    sign_in(member, live_site, "member@example.org")
    member.goto(live_site("/portal/events/"))
    member.get_by_role(
        "link", name=re.compile("Read the minutes of Advisory group")
    ).click()
    member.wait_for_url(re.compile(ADVISORY + "#papers"))
    expect(member.get_by_role("heading", name="Papers and minutes")).to_have_count(1)
    assert_accessible(member, "past meeting with minutes")
    assert_no_horizontal_scroll(member)
    screenshot(member, "event-minutes")
    with member.expect_download() as download:
        member.get_by_role("link", name="Minutes of the meeting").click()
    with open(download.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
