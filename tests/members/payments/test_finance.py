"""What finance take away: the CSV and Excel exports against a known fixture to the penny,
the figures by strand and month, each person's statement for a tax year, and the portal's
way in to all of it."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from members.payments import ledger
from members.payments.models import ClaimStatus, PaymentPreference
from tests.factories.payments import make_claim, make_finance, make_rate, travel
from tests.factories.users import UserFactory

S = ClaimStatus


@pytest.fixture
def finance(db):
    return make_finance()


@pytest.fixture
def book(db, member, staff, finance):
    """Two approved claims and one paid, in two strands and two months: the fixture the
    exports and figures are checked against."""
    make_rate(fee="25.00", unit="hour", cost_code="LEP-01", strand="Partners")
    member.first_name, member.last_name = "Maya", "Patel"
    member.save()
    PaymentPreference.objects.create(user=member, payee_reference="SUP-0042")
    claims = []
    for day, hours, spent in (
        (datetime.date(2026, 10, 7), 2, "12.40"),
        (datetime.date(2026, 11, 4), 1, "3.35"),
        (datetime.date(2026, 11, 18), 3, None),
    ):
        claim = make_claim(member, happened_on=day, hours=hours)
        if spent:
            ledger.add_expense(claim, by=member, category=travel(), amount=spent)
        ledger.submit(claim, by=member)
        ledger.approve(claim, by=staff)
        claims.append(claim)
    ledger.pay(claims[0], by=finance, reference="BACS 1107", paid_on=day)
    return claims


def lines_of(claims):
    return [line for claim in claims for line in claim.lines.order_by("pk")]


def test_the_csv_export_matches_the_fixture_to_the_penny(client, finance, book):
    client.force_login(finance)
    response = client.get(reverse("payments_admin:export") + "?status=approved")
    text = b"".join(response.streaming_content).decode()
    approved = lines_of(book[1:])
    expected = [
        "claim,line,payee_reference,person,involvement,happened_on,kind,category,"
        "cost_code,strand,amount,vat_free,status,paid_on,payment_reference",
        f"{book[1].pk},{approved[0].pk},SUP-0042,Maya Patel,Event or workshop,2026-11-04,"
        'Fee,,LEP-01,Partners,25.00,yes,"Approved, waiting for payment",,',
        f"{book[1].pk},{approved[1].pk},SUP-0042,Maya Patel,Event or workshop,2026-11-04,"
        'Expense,Travel,LEP-01,Partners,3.35,yes,"Approved, waiting for payment",,',
        f"{book[2].pk},{approved[2].pk},SUP-0042,Maya Patel,Event or workshop,2026-11-18,"
        'Fee,,LEP-01,Partners,75.00,yes,"Approved, waiting for payment",,',
    ]
    assert text.splitlines() == expected
    paid = b"".join(
        client.get(reverse("payments_admin:export") + "?status=paid").streaming_content
    ).decode()
    rows = list(csv.DictReader(io.StringIO(paid)))
    assert [(r["amount"], r["paid_on"], r["payment_reference"]) for r in rows] == [
        ("50.00", "2026-11-18", "BACS 1107"),
        ("12.40", "2026-11-18", "BACS 1107"),
    ]


def test_the_excel_export_holds_the_same_rows_as_exact_pence(client, finance, book):
    client.force_login(finance)
    response = client.get(reverse("payments_admin:export_xlsx") + "?status=approved")
    assert response["Content-Disposition"].endswith('payment-lines-approved.xlsx"')
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][10] == "amount" and len(rows) == 4
    amounts = [Decimal(str(row[10])).quantize(Decimal("0.01")) for row in rows[1:]]
    assert amounts == [Decimal("25.00"), Decimal("3.35"), Decimal("75.00")]
    assert sum(amounts) == Decimal("103.35")
    assert {row[2] for row in rows[1:]} == {"SUP-0042"}


def test_only_finance_download_and_the_status_falls_back_to_approved(
    client, staff, member, finance, book
):
    client.force_login(staff)
    assert client.get(reverse("payments_admin:export_xlsx")).status_code == 403
    client.force_login(member)  # no admin access at all: Wagtail sends them away
    assert client.get(reverse("payments_admin:export_xlsx")).status_code == 302
    client.force_login(finance)
    response = client.get(reverse("payments_admin:export") + "?status=<script>")
    assert "payment-lines-approved.csv" in response["Content-Disposition"]


def test_figures_sum_by_strand_and_month_in_the_database(
    client, staff, book, django_assert_max_num_queries
):
    other = UserFactory(email="other.payee@example.org")
    make_rate(
        fee="40.00",
        unit="session",
        strand="Networks",
        valid_from=datetime.date(2026, 11, 1),
    )
    claim = make_claim(other, happened_on=datetime.date(2026, 11, 20), hours=1)
    ledger.submit(claim, by=other)
    ledger.approve(claim, by=staff)
    client.force_login(staff)
    url = reverse("payments_admin:figures") + "?year=2026"
    client.get(url)
    with django_assert_max_num_queries(14):
        page = client.get(url).content.decode()
    assert (
        "October 2026</td><td>Partners</td><td>£50.00</td><td>£12.40</td><td>£62.40</td><td>£62.40"
        in page
    )
    assert (
        "November 2026</td><td>Networks</td><td>£40.00</td><td>£0.00</td><td>£40.00</td><td>£0.00"
        in page
    )
    assert (
        "November 2026</td><td>Partners</td><td>£100.00</td><td>£3.35</td><td>£103.35</td><td>£0.00"
        in page
    )
    assert "£205.75 approved or paid" in page
    quiet = client.get(reverse("payments_admin:figures") + "?year=2019").content
    assert b"Nothing was approved or paid in the 2019" in quiet
    assert (
        client.get(reverse("payments_admin:figures") + "?year=x" * 50).status_code
        == 200
    )


def test_the_person_prints_their_statement_and_finance_see_the_same(
    client, member, finance, book
):
    client.force_login(member)
    ledger_page = client.get("/portal/payments/").content.decode()
    assert "/portal/payments/statement/2026/" in ledger_page
    page = client.get("/portal/payments/statement/2026/").content.decode()
    assert "Payment statement for the 2026–27 tax year" in page
    assert "6 April 2026 to 5 April 2027" in page
    assert "Paid on 18 Nov 2026 (reference BACS 1107)" in page
    assert "<dt>All claims</dt><dd>£165.75</dd>" in page
    assert "<dt>Paid so far</dt><dd>£62.40</dd>" in page
    assert "SUP-0042" not in page  # the person sees that it is set up, not the number
    assert 'href="/static/css/print.css" media="print"' in page
    assert client.get("/portal/payments/statement/2019/").status_code == 200
    assert client.get("/portal/payments/statement/99999/").status_code == 404
    client.force_login(finance)
    url = reverse("payments_admin:statement", args=[member.pk, 2026])
    page = client.get(url).content.decode()
    assert "<dt>All claims</dt><dd>£165.75</dd>" in page and "SUP-0042" in page


def test_nobody_but_finance_opens_another_persons_statement(
    client, member, staff, book
):
    url = reverse("payments_admin:statement", args=[member.pk, 2026])
    client.force_login(staff)
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(email="nosy@example.org", groups=["Members"]))
    response = client.get(url)
    assert response.status_code == 302  # Wagtail sends people without admin access away
    assert b"BACS 1107" not in response.content


def test_a_payment_dated_before_the_involvement_is_refused(member, staff, finance):
    make_rate(fee="25.00", unit="hour")
    claim = make_claim(member, happened_on=datetime.date(2026, 11, 4))
    ledger.submit(claim, by=member)
    ledger.approve(claim, by=staff)
    with pytest.raises(ledger.PaymentError, match="before the involvement"):
        ledger.pay(
            claim, by=finance, reference="BACS 1", paid_on=datetime.date(2026, 11, 3)
        )
    claim.refresh_from_db()
    assert claim.status == S.APPROVED and claim.payment_reference == ""


def test_the_portal_leads_to_payments_and_the_queue_says_where_each_claim_is(
    client, member, staff, book
):
    client.force_login(member)
    assert 'href="/portal/payments/"' in client.get("/portal/").content.decode()
    client.force_login(staff)
    queue = client.get(reverse("payments_admin:queue")).content.decode()
    assert queue.count("Approved, waiting for payment") >= 2


def test_fifty_thousand_lines_leave_in_bounded_memory(client, finance, member, staff):
    """The CSV streams a thousand lines at a time and the Excel file is written to disk
    row by row, so memory does not grow with the number of lines."""
    import tracemalloc

    from members.payments.models import Claim, ClaimLine

    make_rate(fee="25.00", unit="hour")
    claims = Claim.objects.bulk_create(
        Claim(
            person=member,
            involvement="event",
            source=f"bulk:{number}",
            title=f"Workshop {number}",
            happened_on=datetime.date(2026, 5, 1),
            pay_as="fee_and_expenses",
            status=S.APPROVED,
        )
        for number in range(25_000)
    )
    ClaimLine.objects.bulk_create(
        ClaimLine(claim=claim, kind=kind, amount=Decimal("12.34"))
        for claim in claims
        for kind in ("fee", "expense")
    )
    client.force_login(finance)
    tracemalloc.start()
    response = client.get(reverse("payments_admin:export") + "?status=approved")
    rows = sum(chunk.count(b"\n") for chunk in response.streaming_content)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert rows == 50_001
    assert peak < 25 * 1024 * 1024, f"CSV export peaked at {peak:,} bytes"
