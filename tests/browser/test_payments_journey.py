"""Involvement payments in Chromium: the partner is warned before a fee crosses the weekly
figure they set; for a coaching session they logged, they add an expense with a receipt and
send the claim; programme staff open the receipt and approve it, finance mark it paid with
a reference, and the partner sees it paid and their tax-year totals. Someone who chooses no payment is never asked to claim. Every page is
checked with axe and photographed at 1280 and 360 px.
"""

import re
from decimal import Decimal

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    screenshot,
    sign_in,
)

PARTNERS_DAY = "Partners' day: telling your story safely"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_claim_goes_from_the_partner_to_staff_to_finance_and_back(
    live_site, new_page
):
    partner = new_page()
    sign_in(partner, live_site, "partner@example.org", next_path="/portal/payments/")
    partner.wait_for_url(re.compile(r"/portal/payments/$"))
    assert_accessible(partner, "my payments")
    paid = partner.locator("dt:has-text('Paid so far') + dd")
    paid_before = Decimal(paid.inner_text().strip().lstrip("£"))
    to_send = partner.locator("h2:has-text('To check and send') + ul")
    # The partners' day fee would take the partner over the £100 a week they set: they
    # are warned before sending, and offered expenses only.
    to_send.get_by_role("link", name=PARTNERS_DAY).click()
    partner.wait_for_url(re.compile(r"/portal/payments/\d+/$"))
    expect(partner.locator("#limit-warning")).to_contain_text("over the £100.00 a week")
    expect(partner.get_by_label("Send it with the fee")).to_be_visible()
    assert_accessible(partner, "a claim with the benefits warning")
    screenshot(partner, "payments-claim-warning")

    # The coaching session they logged most recently: a receipt, then send it.
    partner.goto(live_site("/portal/payments/"))
    to_send.get_by_role("link", name=re.compile(r"^Coaching session on")).first.click()
    partner.wait_for_url(re.compile(r"/portal/payments/\d+/$"))
    claim_url = partner.url
    expect(partner.locator("main")).to_contain_text("£75.00")
    expect(partner.locator("#limit-warning")).to_have_count(0)
    partner.get_by_label("Travel (up to £60.00)").check()
    partner.get_by_label("Amount (£)").fill("9.60")
    partner.get_by_label("Details").fill("Train to Birmingham and back")
    partner.get_by_label("Receipt").set_input_files(
        {"name": "ticket.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    with partner.expect_navigation():
        partner.get_by_role("button", name="Add this expense").click()
    expect(partner.locator(".messages")).to_contain_text("Expense added")
    expect(partner.locator("main")).to_contain_text("£84.60")
    expect(partner.get_by_role("link", name="Receipt for Travel")).to_be_visible()
    with partner.expect_navigation():
        partner.get_by_role("button", name="Send the claim").click()
    expect(partner.locator(".messages")).to_contain_text("Claim sent")

    staff = new_page()
    sign_in(staff, live_site, "staff@example.org", next_path="/admin/payments/")
    staff.wait_for_url(re.compile(r"/admin/payments/$"))
    claim_path = claim_url[claim_url.index("/portal/payments/") :]
    number = re.search(r"(\d+)/$", claim_path).group(1)
    staff.get_by_role("link", name=f"Claim {number}").click()
    expect(staff.locator("main")).to_contain_text("Train to Birmingham and back")
    # The receipt opens for staff (with their session): the PDF the partner chose.
    receipt = staff.get_by_role("link", name=re.compile(r"^Receipt \d")).get_attribute(
        "href"
    )
    fetched = staff.context.request.get(live_site(receipt))
    assert fetched.headers["content-type"] == "application/pdf"
    assert fetched.body() == PDF
    assert_accessible(staff, "a claim for staff")
    with staff.expect_navigation():
        staff.get_by_role("button", name="Approve the claim").click()
    expect(staff.locator("main")).to_contain_text("Approved, waiting for payment")

    finance = new_page()
    sign_in(finance, live_site, "finance@example.org", next_path="/admin/payments/")
    finance.goto(live_site(f"/admin/payments/{number}/"))
    finance.get_by_label("Payment reference").fill("BACS 2231")
    with finance.expect_navigation():
        finance.get_by_role("button", name="Mark as paid").click()
    expect(finance.locator("main")).to_contain_text("BACS 2231")
    screenshot(finance, "payments-finance-paid")

    partner.goto(live_site("/portal/payments/"))
    expect(partner.locator("main")).to_contain_text("Paid on")
    # The tax year's total grows by exactly this claim (the demo's coaching claims paid
    # before it stay counted).
    expect(paid).to_have_text(f"£{paid_before + Decimal('84.60')}")
    assert_no_horizontal_scroll(partner)
    screenshot(partner, "payments-ledger-paid")


def test_someone_who_chooses_no_payment_is_never_asked_to_claim(live_site, new_page):
    leader = new_page()
    sign_in(leader, live_site, "leader@example.org", next_path="/portal/payments/")
    leader.get_by_role("link", name="Change how you are paid").click()
    assert_accessible(leader, "payment preference")
    leader.get_by_label("No payment, thank you").check()
    leader.get_by_label("I have read how payments work").check()
    with leader.expect_navigation():
        leader.get_by_role("button", name="Save my preference").click()
    expect(leader.locator(".messages")).to_contain_text("preference is saved")
    expect(leader.locator("main")).to_contain_text("You chose not to be paid")
    expect(leader.locator("main")).to_contain_text("Nothing is waiting for you")
    leader.goto(live_site("/portal/"))
    expect(leader.locator("main")).not_to_contain_text("claim to check and send")
