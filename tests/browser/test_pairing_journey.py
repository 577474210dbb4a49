"""A pairing from enquiry to reflection, in Chromium: staff propose, partner accepts, the
leader signs in by emailed code, records a session, completes and reflects."""

import datetime
import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, screenshot, sign_in

# The demo's first enquiry (Priya Shah's), numbered by the service in the current year.
ENQUIRY = re.compile(r"Propose a partner for ENQ-\d{4}-00001")
LEADER = "priya.shah@example.org"


def fresh_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    return context, context.new_page()


def test_pairing_from_enquiry_to_reflection(page, browser, live_site):
    # Staff: open the waiting enquiry and propose the demo partner.
    sign_in(page, live_site, "staff@example.org", next_path="/admin/pairings/")
    expect(
        page.get_by_role("heading", name="Enquiries waiting for a partner")
    ).to_be_visible()
    # The table's caption is for screen readers only: the admin screen must not show it.
    caption = page.locator("caption").first.bounding_box()
    assert caption is not None and caption["width"] <= 1, caption
    page.get_by_role("link", name=ENQUIRY).click()
    expect(page.get_by_text("Same region (West Midlands)").first).to_be_visible()
    screenshot(page, "pairing-admin-propose")
    page.get_by_label("Jo Partner").check()
    page.get_by_role("button", name="Propose this partner").click()
    page.wait_for_url(re.compile(r"/admin/pairings/\d+/$"))
    match = re.search(r"/admin/pairings/(\d+)/$", page.url)
    assert match, page.url
    pk = match.group(1)
    page.get_by_role("button", name="Invite the partner").click()
    expect(page.get_by_text("is now partner invited")).to_be_visible()

    # Partner: a task on the dashboard; only role, type, region and focus before accepting.
    context, partner = fresh_page(browser)
    sign_in(partner, live_site, "partner@example.org")
    partner.get_by_role("link", name=re.compile(r"Respond to PAIR-")).first.click()
    expect(
        partner.get_by_role("heading", name="Will you work with this leader?")
    ).to_be_visible()
    body = partner.content()
    assert "Director of Adult Social Care" in body
    assert "Priya" not in body and LEADER not in body
    assert "Example County Council" not in body
    assert_accessible(partner, "respond to a pairing")
    screenshot(partner, "pairing-partner-respond")
    partner.get_by_role("button", name="Send my answer").click()
    expect(
        partner.get_by_text("Choose whether you accept or decline").first
    ).to_be_visible()
    assert_accessible(partner, "respond with an error")
    partner.get_by_label("Yes, I accept").check()
    partner.get_by_role("button", name="Send my answer").click()
    expect(partner.get_by_text("You have accepted this pairing")).to_be_visible()

    # Staff introduce them: the leader gets a portal account of type "leader".
    page.goto(live_site(f"/admin/pairings/{pk}/"))
    page.get_by_role("button", name="Introduce partner and leader").click()
    expect(page.get_by_text("is now introduced")).to_be_visible()
    screenshot(page, "pairing-admin-detail")

    partner.reload()
    expect(partner.get_by_role("link", name=LEADER)).to_be_visible()
    context.close()

    # Leader: sign in by emailed code, straight to the pairing.
    context, leader = fresh_page(browser)
    leader.goto(live_site(f"/accounts/login/code/?next=/portal/pairings/{pk}/"))
    leader.get_by_label("Email").fill(LEADER)
    leader.get_by_role("button", name="Send the code").click()
    expect(
        leader.get_by_role("heading", name="Enter your sign-in code")
    ).to_be_visible()
    leader.get_by_label("Code").fill(live_site.login_code_for(LEADER))
    leader.get_by_role("button", name="Sign in").click()
    expect(
        leader.get_by_role("heading", name=re.compile("Your pairing"))
    ).to_be_visible()
    expect(leader.get_by_text("Jo", exact=True)).to_be_visible()
    assert "partner@example.org" not in leader.content()
    assert_accessible(leader, "leader's pairing")
    screenshot(leader, "pairing-leader-introduced")

    # The leader cannot open the admin (Wagtail sends them to sign in instead).
    response = leader.request.get(live_site("/admin/pairings/"), max_redirects=0)
    assert response.status in (302, 403)
    assert "Enquiries waiting" not in response.text()

    # Record a session (never its content).
    leader.get_by_role("link", name="Record a session").click()
    # axe must not run while the old page is still being replaced.
    leader.wait_for_url(re.compile(r"/sessions/new/$"))
    assert_accessible(leader, "record a session")
    leader.get_by_label("Date of the session").fill(datetime.date.today().isoformat())
    leader.get_by_label("Length in minutes").fill("60")
    leader.get_by_label("Online").check()
    leader.get_by_role("button", name="Record the session").click()
    expect(leader.get_by_text("Session recorded")).to_be_visible()
    expect(leader.get_by_text("Active", exact=True)).to_be_visible()
    expect(leader.get_by_role("cell", name="60 minutes")).to_be_visible()

    # Complete and reflect.
    leader.get_by_role("link", name="Mark as completed").click()
    leader.get_by_role("button", name="Mark as completed").click()
    expect(leader.get_by_text("The pairing is now completed")).to_be_visible()
    leader.get_by_role("link", name="Write your reflection").click()
    leader.get_by_role("button", name="Send my reflection").click()
    expect(leader.get_by_text("Tell us what has changed for you").first).to_be_visible()
    assert_accessible(leader, "reflection with errors")
    leader.get_by_label("What has changed for you").fill("I ask carers first now.")
    leader.get_by_label("What helped most?").fill("Honest, kind questions.")
    leader.get_by_label("Yes").check()
    leader.get_by_label("Programme staff may quote").check()
    leader.get_by_label("The other person in my pairing may read").check()
    leader.get_by_role("button", name="Send my reflection").click()
    expect(leader.get_by_text("Thank you for your reflection")).to_be_visible()
    # Answered: the prompt is gone.
    expect(leader.get_by_role("link", name="Write your reflection")).to_have_count(0)
    screenshot(leader, "pairing-leader-completed")
    assert_accessible(leader, "completed pairing")
    context.close()

    # The partner reads what the leader chose to share, and is asked for their own.
    context, partner = fresh_page(browser)
    sign_in(partner, live_site, "partner@example.org")
    partner.goto(live_site(f"/portal/pairings/{pk}/"))
    expect(partner.get_by_text("I ask carers first now.")).to_be_visible()
    expect(partner.get_by_role("link", name="Write your reflection")).to_be_visible()
    assert_accessible(partner, "partner reads the leader's reflection")
    screenshot(partner, "pairing-partner-reads-reflection")
    context.close()

    # Staff see the reflection counted in the programme figures.
    page.goto(live_site("/admin/pairings/figures/"))
    expect(
        page.get_by_role("img", name=re.compile("Enquiries, matches"))
    ).to_be_visible()
    expect(page.get_by_text("I ask carers first now.")).to_be_visible()
    screenshot(page, "pairing-admin-figures")


def test_demo_partner_and_leader_share_the_active_pairing(page, browser, live_site):
    sign_in(page, live_site, "partner@example.org")
    expect(
        page.get_by_role("heading", name="Your coaching and mentoring")
    ).to_be_visible()
    assert_accessible(page, "partner dashboard")
    page.get_by_role("link", name=re.compile("Director of Nursing")).first.click()
    expect(page.get_by_role("link", name="leader@example.org")).to_be_visible()
    assert_accessible(page, "partner's pairing")
    screenshot(page, "pairing-partner-active")
    # Each session's claim is in the partner's payments ledger, one click away.
    expect(
        page.get_by_text("Each session recorded opens a claim for you")
    ).to_be_visible()
    page.get_by_role("link", name=re.compile(r"\(claim for ")).first.click()
    page.wait_for_url(re.compile(r"/portal/payments/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Coaching session on")
    assert_accessible(page, "a session's claim")
    screenshot(page, "pairing-session-claim")

    context, leader = fresh_page(browser)
    sign_in(leader, live_site, "leader@example.org")
    leader.get_by_role("link", name=re.compile("PAIR-")).first.click()
    expect(leader.get_by_text("Jo", exact=True)).to_be_visible()
    context.close()
