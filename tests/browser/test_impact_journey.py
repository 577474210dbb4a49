"""The impact report in Chromium: programme staff open it from the admin menu, filter by
region, download the CSV, open the funders' page for the quarter and download its PDF; a member answers the
optional questions about themselves. Every page is checked with axe and photographed at
1280 and 360 px."""

import io
import re

import pypdf
from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    picture_pdf,
    screenshot,
    sign_in,
)


def test_staff_filter_the_impact_report_download_it_and_open_the_funders_page(
    live_site, new_page
):
    staff = new_page()
    sign_in(staff, live_site, "staff@example.org", next_path="/admin/")
    # Staff find the report in the admin menu (opened afresh, past the sign-in message).
    staff.goto(live_site("/admin/"))
    staff.get_by_role("link", name="Impact report").click()
    staff.wait_for_url(re.compile(r"/admin/impact/$"))
    expect(staff.locator("h1")).to_contain_text("Impact report")
    expect(staff.get_by_role("heading", name="Reach", exact=True)).to_be_visible()
    expect(
        staff.get_by_role("heading", name="Who is in the room", exact=True)
    ).to_be_visible()
    assert_accessible(staff, "the impact report")
    screenshot(staff, "impact-report")

    staff.get_by_label(re.compile("^Region")).select_option(label="West Midlands")
    with staff.expect_navigation():
        staff.get_by_role("button", name="Show figures").click()
    expect(staff).to_have_url(re.compile(r"region=\d+"))
    expect(staff.get_by_label(re.compile("^Region"))).to_have_value(re.compile(r"\d+"))
    assert_accessible(staff, "the impact report for one region")
    screenshot(staff, "impact-report-west-midlands")

    with staff.expect_download() as download:
        staff.get_by_role("link", name="Download as CSV").click()
    assert download.value.suggested_filename == "impact-west-midlands.csv"
    text = open(download.value.path(), encoding="utf-8").read()
    assert text.startswith("section,figure,breakdown,group,value")
    assert "Enquiries from leaders" in text

    staff.get_by_label("To (optional)").fill("2020-01-01")
    staff.get_by_label("From (optional)").fill("2026-01-01")
    with staff.expect_navigation():
        staff.get_by_role("button", name="Show figures").click()
    expect(staff.get_by_role("alert")).to_contain_text(
        "The end date must be the same as or after the start date"
    )
    assert_accessible(staff, "the impact report refusing a backwards date range")

    staff.goto(live_site("/admin/impact/"))
    staff.get_by_role("link", name="Funders’ page for this quarter").click()
    staff.wait_for_url(re.compile(r"/admin/impact/funders/\d{4}/[1-4]/$"))
    expect(staff.locator("h1")).to_contain_text("Voices: our impact from")
    assert_accessible(staff, "the funders' page")
    assert_no_horizontal_scroll(staff)
    screenshot(staff, "impact-funders")
    staff.emulate_media(media="print")
    expect(staff.locator(".no-print").first).to_be_hidden()
    staff.emulate_media(media="screen")
    # The same page as a file to send on: one tagged A4 page, pictured for a person to see.
    with staff.expect_download() as download:
        staff.get_by_role("link", name="Download this page as a PDF").click()
    assert re.fullmatch(
        r"voices-impact-\d{4}-q[1-4]\.pdf", download.value.suggested_filename
    )
    content = open(download.value.path(), "rb").read()
    reader = pypdf.PdfReader(io.BytesIO(content))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Voices: our impact from" in text and "You said, we did" in text
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    picture_pdf(content, "impact-funders-pdf")

    staff.goto(live_site("/admin/impact/"))
    staff.get_by_role("link", name="Tag themes in reflections").click()
    staff.wait_for_url(re.compile(r"/admin/impact/themes/$"))
    expect(staff.locator("h1")).to_contain_text("Themes")
    assert_accessible(staff, "tagging themes in reflections")
    screenshot(staff, "impact-themes")


def test_a_member_answers_the_optional_questions_about_themselves(live_site, new_page):
    member = new_page()
    sign_in(member, live_site, "member@example.org", next_path="/portal/about-you/")
    expect(member.locator("h1")).to_have_text("About you")
    assert_accessible(member, "the equality questions")
    assert_no_horizontal_scroll(member)
    screenshot(member, "impact-about-you")
    member.get_by_role("group", name="Your age").get_by_label("45 to 54").check()
    member.get_by_role("group", name=re.compile("unpaid carer")).get_by_label(
        "Prefer not to say"
    ).check()
    with member.expect_navigation():
        member.get_by_role("button", name="Save my answers").click()
    expect(member).to_have_url(re.compile(r"/portal/$"))
    expect(member.locator(".messages")).to_contain_text("Thank you")
    expect(
        member.get_by_role("link", name="Answer the optional questions about you")
    ).to_have_count(0)
