"""One path per role, end to end in Chromium, where the first round's journeys stopped short
(issue 16): a visitor's enquiry reaches the co-chairs' "things to do"; a member replies to an
offered place; a member books a meeting sharing access needs, which the co-chairs see, and
hears when the co-chairs change it; programme staff land on the admin.

Each page is checked with axe and photographed at 1280 and 360 px (test-screenshots/).
"""

import re
import time
import uuid

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    screenshot,
    sign_in,
)

NETWORK = "/networks/west-midlands/"
WORKSPACE = "/portal/networks/west-midlands/"
DROP_IN = "Co-production drop-in"
PLANNING = "Plan the next West Midlands co-production network meeting"


def new_page(browser):
    return browser.new_context(viewport={"width": 1280, "height": 900}).new_page()


def test_visitor_finds_enquire_in_the_menu_and_the_cochair_is_shown_the_enquiry(
    page, browser, live_site
):
    organisation = f"Hilltop Trust {uuid.uuid4().hex[:6]}"
    page.goto(live_site("/"))
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Work with us").click()
    expect(page).to_have_url(re.compile(r"/enquire/$"))
    rendered_at = time.monotonic()
    page.fill("#id_full_name", "Dana Okafor")
    page.fill("#id_email", "dana.okafor@example.org")
    page.fill("#id_job_title", "Chief Nurse")
    page.fill("#id_organisation", organisation)
    page.check("#id_organisation_type_2")
    page.select_option("#id_region", label="West Midlands")
    page.check("#id_enquiry_type_0")
    west = page.locator("#id_network option", has_text="West Midlands").first
    page.select_option("#id_network", value=west.get_attribute("value"))
    page.fill(
        "#id_message", "We would like members to help shape our discharge leaflets."
    )
    page.check("#id_consent")
    # The form refuses anything sent within 3 seconds of rendering; a person is slower.
    time.sleep(max(0, 3.5 - (time.monotonic() - rendered_at)))
    page.locator(".enquiry-form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Enquiry sent")
    reference = re.search(r"ENQ-\d{4}-\d+", page.locator("main").inner_text()).group(0)

    cochair = new_page(browser)
    try:
        sign_in(cochair, live_site, "cochair@example.org", next_path="/portal/")
        expect(cochair).to_have_url(re.compile(r"/portal/$"))
        todo = cochair.get_by_role("link", name=f"Read and reply to {reference}")
        expect(todo).to_be_visible()
        assert_accessible(cochair, "co-chair dashboard with a routed enquiry")
        screenshot(cochair, "journey-cochair-dashboard-enquiry")
        todo.click()
        expect(cochair.locator("h1")).to_have_text(f"Enquiry {reference}")
        expect(cochair.locator("main")).to_contain_text(organisation)
        cochair.get_by_label("Status").select_option(label="In progress")
        cochair.get_by_label("Note for the other co-chairs and staff").fill(
            "I will ring Dana this week."
        )
        cochair.get_by_role("button", name="Save").click()
        expect(cochair.locator(".messages")).to_be_visible()
        expect(cochair.locator("main")).to_contain_text("I will ring Dana this week.")
        assert_accessible(cochair, "routed enquiry after an update")
        assert_no_horizontal_scroll(cochair)
        screenshot(cochair, "journey-cochair-enquiry")
        # Once it is in progress it is no longer waiting in "things to do".
        cochair.goto(live_site("/portal/"))
        expect(
            cochair.get_by_role("link", name=f"Read and reply to {reference}")
        ).to_have_count(0)
    finally:
        cochair.context.close()


def test_member_is_told_of_an_offered_place_and_accepts_it(page, browser, live_site):
    # The demo member's shortlisted interest in a group with places left (another journey
    # may shortlist them for the full national panel too, whose offer could not be taken).
    staff = new_page(browser)
    try:
        sign_in(staff, live_site, "staff@example.org", next_path="/admin/")
        staff.wait_for_url(re.compile(r"/admin/$"))
        staff.goto(
            live_site("/admin/members/expressionofinterest/?status__exact=shortlisted")
        )
        row = staff.locator("tr", has_text="Morgan").filter(has_text=PLANNING)
        row.locator("a[href*='/inspect/']").first.click()
        heading = staff.locator("#interest-status-heading")
        staff.get_by_label("Move to").select_option("offered")
        staff.get_by_role("button", name="Change status").click()
        expect(heading).to_have_text("Status: Offered a place")
    finally:
        staff.context.close()

    sign_in(page, live_site, "member@example.org", next_path="/portal/")
    expect(page).to_have_url(re.compile(r"/portal/$"))
    expect(page.locator("main")).not_to_contain_text("You are all up to date")
    offer = page.locator("li", has_text=f"You have been offered a place: {PLANNING}")
    expect(offer).to_be_visible()
    assert_accessible(page, "member dashboard with an offer")
    screenshot(page, "journey-member-offer-todo")
    offer.get_by_role("link", name="Reply to the offer").click()
    page.get_by_label("Yes, I accept the place").check()
    assert_accessible(page, "offer reply")
    screenshot(page, "journey-member-offer-reply")
    page.get_by_role("button", name="Send my answer").click()
    expect(page.locator(".messages")).to_contain_text("You have accepted the place.")
    expect(page.locator(".status-tag")).to_have_text("Accepted")
    page.goto(live_site("/portal/"))
    expect(
        page.locator("li", has_text=f"You have been offered a place: {PLANNING}")
    ).to_have_count(0)


def test_member_books_sharing_access_needs_and_the_cochair_sees_and_changes_the_meeting(
    page, browser, live_site
):
    needs = f"A British Sign Language interpreter, please ({uuid.uuid4().hex[:4]})"
    sign_in(page, live_site, "member@example.org", next_path=NETWORK)
    expect(page).to_have_url(re.compile(re.escape(NETWORK) + "$"))
    page.get_by_role("link", name=f"Book a place for {DROP_IN}").click()
    expect(page.locator("h1")).to_contain_text("Book a place")
    # Asking to share with nothing written is answered from the error summary.
    page.get_by_label("Access needs for this meeting").fill("")
    page.get_by_label("Share these access needs with the co-chairs").check()
    page.get_by_role("button", name="Book my place").click()
    expect(page.locator("[data-error-summary]")).to_contain_text(
        "Describe your access needs"
    )
    assert_accessible(page, "booking with an error")
    page.get_by_label("Access needs for this meeting").fill(needs)
    assert_accessible(page, "booking a meeting")
    assert_no_horizontal_scroll(page)
    screenshot(page, "journey-member-booking")
    page.get_by_role("button", name="Book my place").click()
    expect(page).to_have_url(re.compile(re.escape(NETWORK)))
    expect(page.locator(".messages")).to_contain_text(
        f"You have a place at “{DROP_IN}”"
    )

    cochair = new_page(browser)
    try:
        sign_in(cochair, live_site, "cochair@example.org", next_path=WORKSPACE)
        cochair.get_by_role("link", name=DROP_IN, exact=True).click()
        row = cochair.locator("tr", has_text="Morgan")
        expect(row).to_contain_text(needs)
        assert_accessible(cochair, "who has registered")
        assert_no_horizontal_scroll(cochair)
        screenshot(cochair, "journey-cochair-registrations")

        cochair.get_by_role("link", name="Change this meeting").click()
        cochair.get_by_label("Joining details (members with a place only)").fill(
            "Video link by email the week before; phone dial-in also works."
        )
        cochair.get_by_role("button", name="Save the changes").click()
        expect(cochair.locator(".messages")).to_contain_text("emailed what changed")
    finally:
        cochair.context.close()
    subject, body = live_site.last_email_to("member@example.org")
    assert DROP_IN in subject + body
    assert "Joining details" in body


def test_staff_land_on_the_admin_and_members_on_their_portal(page, browser, live_site):
    sign_in(page, live_site, "staff@example.org", next_path="")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    # At 1280 px the enquiries list shows every column beside the filters, no scrolling,
    # and each reference stays on one line.
    page.goto(live_site("/admin/members/enquiry/"))
    expect(
        page.get_by_role("columnheader", name=re.compile("Assignee"))
    ).to_be_visible()
    widths = page.evaluate(
        "() => { const r = document.querySelector('.result-list');"
        " return [r.scrollWidth, r.clientWidth]; }"
    )
    assert widths[0] <= widths[1], (
        f"the enquiries table is {widths[0]}px in {widths[1]}px"
    )
    first = page.locator(".listing tbody td:first-child a").first
    assert first.evaluate("a => a.getClientRects().length") == 1
    screenshot(page, "journey-staff-enquiries")
    member = new_page(browser)
    try:
        sign_in(member, live_site, "member@example.org", next_path="")
        expect(member).to_have_url(re.compile(r"/portal/$"))
        expect(member.get_by_role("link", name="Admin")).to_have_count(0)
    finally:
        member.context.close()
