"""The payments pages: the person's ledger and preference, one claim with its expenses,
receipts and sending; the staff queue, approving, returning, paying and the export."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from members.payments import ledger
from members.payments.models import Claim, ClaimLine, ClaimStatus, PaymentPreference
from tests.factories.payments import make_claim, make_finance, make_rate, travel
from tests.factories.users import UserFactory

S = ClaimStatus
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def rate(db):
    return make_rate(fee="25.00", unit="hour")


@pytest.fixture
def claim(member, rate):
    return make_claim(member, title="Advisory group", hours=2)


def claim_url(claim):
    return reverse("members:my_claim", args=[claim.pk])


def add(client, claim, **fields):
    data = {"category": travel().pk, "amount": "7.80", "description": "Bus", **fields}
    return client.post(claim_url(claim), data)


def test_the_ledger_lists_what_to_send_and_the_tax_year_totals(client, member, claim):
    client.force_login(member)
    page = client.get("/portal/payments/").content.decode()
    assert "To check and send" in page
    assert "Advisory group" in page and "£50.00" in page
    assert "Your totals for the" in page
    assert "not told us how you would like to be paid" in page


def test_a_member_adds_an_expense_with_a_receipt_and_sends_the_claim(
    client, member, claim, mailoutbox
):
    client.force_login(member)
    receipt = SimpleUploadedFile("ticket.pdf", PDF, content_type="application/pdf")
    response = add(client, claim, receipt=receipt)
    assert response.status_code == 302
    line = ClaimLine.objects.get(claim=claim, kind="expense")
    assert line.amount == Decimal("7.80")
    assert "ticket" not in line.receipt.name  # stored under a random name
    download = client.get(reverse("members:payment_receipt", args=[line.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    response = client.post(
        reverse("members:my_claim_send", args=[claim.pk]), {"take_fee": "yes"}
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == S.SUBMITTED
    page = client.get(claim_url(claim)).content.decode()
    assert "Add an expense" not in page  # nothing to change once sent
    assert "Sent, waiting for approval" in page


@pytest.mark.parametrize(
    "amount, message",
    [
        ("-3", "more than £0.00"),
        ("3.456", "nearest penny"),
        ("99999999", "at most £10,000.00"),
        ("", "Enter the amount"),
        ("<script>alert(1)</script>", "pounds and pence"),
        ("1" * 500, "pounds and pence, like 12.50"),
    ],
)
def test_bad_amounts_get_a_clear_message_and_change_nothing(
    client, member, claim, amount, message
):
    client.force_login(member)
    response = add(client, claim, amount=amount)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert "<script>alert(1)</script>" not in page
    assert ClaimLine.objects.filter(claim=claim).count() == 1


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("ticket.exe", b"MZ....", "JPEG or PNG photo, or a PDF"),
        ("ticket.pdf", b"<html>not a pdf</html>", "not a PDF"),
        ("ticket.png", b"GIF89a....", "cannot be read"),
        ("big.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024), "5 MB or smaller"),
    ],
)
def test_wrong_receipts_are_refused(client, member, claim, name, content, message):
    client.force_login(member)
    response = add(client, claim, receipt=SimpleUploadedFile(name, content))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ClaimLine.objects.filter(claim=claim, kind="expense").exists()


def test_a_decompression_bomb_receipt_is_refused_before_decoding(client, member, claim):
    from tests.security.test_member_uploads import png_declaring

    client.force_login(member)
    response = add(
        client, claim, receipt=SimpleUploadedFile("b.png", png_declaring(30000, 30000))
    )
    assert response.status_code == 400
    assert "too large" in response.content.decode()


def test_other_people_never_reach_a_claim_or_its_receipt(
    client, member, member_other, claim, staff
):
    line = ledger.add_expense(
        claim,
        by=member,
        category=travel(),
        amount="2",
        receipt=SimpleUploadedFile("t.pdf", PDF),
    )
    client.force_login(member_other)
    assert client.get(claim_url(claim)).status_code == 404
    assert add(client, claim).status_code == 404
    receipt_url = reverse("members:payment_receipt", args=[line.pk])
    assert client.get(receipt_url).status_code == 404
    client.force_login(staff)  # staff who approve claims may read receipts
    assert client.get(receipt_url).status_code == 200


def test_the_preference_form_saves_and_asks_for_a_figure_with_benefits(client, member):
    client.force_login(member)
    url = reverse("members:my_payment_preference")
    response = client.post(url, {"choice": "fee_and_expenses", "on_benefits": "on"})
    assert response.status_code == 400
    assert (
        "Enter a weekly figure, a tax-year figure or both" in response.content.decode()
    )
    response = client.post(
        url,
        {
            "choice": "vouchers",
            "on_benefits": "on",
            "year_limit": "1200",
            "read_information": "on",
        },
    )
    assert response.status_code == 302
    preference = PaymentPreference.objects.get(user=member)
    assert (preference.choice, preference.year_limit) == ("vouchers", Decimal("1200"))
    assert preference.read_information_at is not None


def test_the_warning_appears_before_a_claim_crosses_the_limit(client, member, rate):
    PaymentPreference.objects.create(
        user=member, on_benefits=True, weekly_limit=Decimal("40.00")
    )
    claim = make_claim(member, hours=2)
    client.force_login(member)
    page = client.get(claim_url(claim)).content.decode()
    assert "Before you send this" in page
    assert "over the £40.00 a week you set" in page
    ledger.add_expense(claim, by=member, category=travel(), amount="6.00")
    client.post(reverse("members:my_claim_send", args=[claim.pk]), {"take_fee": "no"})
    claim.refresh_from_db()
    assert claim.status == S.SUBMITTED
    assert not claim.lines.filter(kind="fee").exists()


def test_no_payment_means_nothing_to_claim(client, member, rate):
    PaymentPreference.objects.create(user=member, choice="no_payment")
    assert make_claim(member) is None
    client.force_login(member)
    page = client.get("/portal/payments/").content.decode()
    assert "You chose not to be paid" in page
    assert "Nothing is waiting for you" in page


@pytest.fixture
def finance(db):
    return make_finance()


def sent_claim(member, rate):
    claim = make_claim(member, hours=2)
    ledger.add_expense(claim, by=member, category=travel(), amount="12.40")
    ledger.submit(claim, by=member)
    return claim


def test_staff_approve_and_finance_pay_with_a_reference(
    client, member, rate, staff, finance
):
    claim = sent_claim(member, rate)
    client.force_login(staff)
    queue = client.get(reverse("payments_admin:queue")).content.decode()
    assert f"Claim {claim.pk}" in queue and "£62.40" in queue
    client.post(reverse("payments_admin:move", args=[claim.pk, "approve"]))
    assert Claim.objects.get(pk=claim.pk).status == S.APPROVED
    client.force_login(finance)
    response = client.post(
        reverse("payments_admin:move", args=[claim.pk, "pay"]),
        {"reference": "", "paid_on": "not a date"},
    )
    assert response.status_code == 400
    assert "Enter the payment reference" in response.content.decode()
    client.post(
        reverse("payments_admin:move", args=[claim.pk, "pay"]),
        {"reference": "BACS 0412", "paid_on": "2026-11-30"},
    )
    claim.refresh_from_db()
    assert (claim.status, claim.payment_reference) == (S.PAID, "BACS 0412")
    client.force_login(member)
    page = client.get("/portal/payments/").content.decode()
    assert "Paid on 30 Nov 2026" in page


def test_an_approver_cannot_approve_their_own_claim_from_the_screen(
    client, staff, rate
):
    claim = sent_claim(staff, rate)
    client.force_login(staff)
    page = client.get(reverse("payments_admin:claim", args=[claim.pk])).content
    assert b"You cannot approve your own claim" in page
    client.post(reverse("payments_admin:move", args=[claim.pk, "approve"]))
    assert Claim.objects.get(pk=claim.pk).status == S.SUBMITTED


def test_the_export_has_one_row_per_line_in_exact_pence(
    client, member, rate, staff, finance
):
    claim = sent_claim(member, rate)
    ledger.approve(claim, by=staff)
    PaymentPreference.objects.create(user=member, payee_reference="=HYPERLINK(1)")
    client.force_login(staff)
    assert client.get(reverse("payments_admin:export")).status_code == 403
    client.force_login(finance)
    response = client.get(reverse("payments_admin:export") + "?status=approved")
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    )
    assert [(row["kind"], row["amount"]) for row in rows] == [
        ("Fee", "50.00"),
        ("Expense", "12.40"),
    ]
    assert rows[0]["payee_reference"] == "'=HYPERLINK(1)"  # never a formula
    assert rows[1]["category"] == "Travel" and rows[1]["vat_free"] == "yes"


def test_the_queue_costs_the_same_for_many_claims(
    client, rate, staff, django_assert_max_num_queries
):
    for number in range(30):
        person = UserFactory(email=f"p{number}@example.org")
        sent_claim(person, rate)
    client.force_login(staff)
    client.get(reverse("payments_admin:queue"))  # Wagtail's first-use rows
    with django_assert_max_num_queries(16):
        response = client.get(reverse("payments_admin:queue"))
    assert response.content.decode().count("/admin/payments/") >= 30


def test_my_payments_costs_the_same_for_many_claims(
    client, member, rate, django_assert_max_num_queries
):
    for _ in range(30):
        sent_claim(member, rate)
    client.force_login(member)
    client.get("/portal/payments/")  # the site's settings are made on first use
    with django_assert_max_num_queries(12):
        response = client.get("/portal/payments/")
    assert response.content.decode().count("Sent, waiting for approval") == 20


def test_finance_set_the_payee_reference_and_staff_cannot(
    client, member, rate, staff, finance
):
    claim = sent_claim(member, rate)
    url = reverse("payments_admin:move", args=[claim.pk, "payee"])
    client.force_login(staff)
    assert client.post(url, {"payee_reference": "SUP-77"}).status_code == 403
    client.force_login(finance)
    response = client.post(url, {"payee_reference": "x" * 41})
    assert response.status_code == 400
    assert "40 characters or fewer" in response.content.decode()
    client.post(url, {"payee_reference": "SUP-77"})
    assert PaymentPreference.objects.get(user=member).payee_reference == "SUP-77"
    client.force_login(member)
    assert "Set up with finance" in client.get("/portal/payments/").content.decode()
