"""What finance take away: the payment lines as CSV or Excel (one row per line, amounts as
exact decimals, in bounded memory however many lines), the totals by programme strand and
month, and a person's statement for a tax year."""

import csv
import tempfile
from datetime import date

from django.db.models import CharField, DecimalField, Q, Sum, Value
from django.db.models.functions import Cast, Coalesce, Substr
from django.http import FileResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from members.payments import totals
from members.payments.models import Claim, ClaimLine, ClaimStatus
from members.payments.totals import COUNTED, ZERO, tax_year
from website.spreadsheets import safe_cell

EXPORT_COLUMNS = [
    "claim",
    "line",
    "payee_reference",
    "person",
    "involvement",
    "happened_on",
    "kind",
    "category",
    "cost_code",
    "strand",
    "amount",
    "vat_free",
    "status",
    "paid_on",
    "payment_reference",
]
AMOUNT = EXPORT_COLUMNS.index("amount")
CHUNK = 1000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FEE = Q(kind=ClaimLine.Kind.FEE)
MONEY = DecimalField(max_digits=11, decimal_places=2)


def lines_with_status(status):
    return (
        ClaimLine.objects.filter(claim__status=status)
        .select_related("claim", "category", "claim__person__payment_preference")
        .order_by("claim_id", "pk")
    )


def export_row(line):
    """One payment line as the export's cells (text, dates as ISO, the amount a Decimal)."""
    claim = line.claim
    person = claim.person
    preference = getattr(person, "payment_preference", None) if person else None
    return [
        claim.pk,
        line.pk,
        preference.payee_reference if preference else "",
        (person.get_full_name() or person.email) if person else "",
        claim.get_involvement_display(),
        claim.happened_on.isoformat(),
        line.get_kind_display(),
        line.category.name if line.category_id else "",
        claim.cost_code,
        claim.strand,
        line.amount,
        "yes",  # involvement fees and expenses are outside the scope of VAT
        claim.get_status_display(),
        claim.paid_on.isoformat() if claim.paid_on else "",
        claim.payment_reference,
    ]


def _rows(status):
    for line in lines_with_status(status).iterator(chunk_size=CHUNK):
        yield [safe_cell(cell) for cell in export_row(line)]


class _Echo:
    def write(self, value):
        return value


def csv_response(status):
    """Streamed: the rows leave as they are read, a thousand at a time."""
    writer = csv.writer(_Echo())

    def text():
        yield writer.writerow(EXPORT_COLUMNS)
        for row in _rows(status):
            row[AMOUNT] = f"{row[AMOUNT]:.2f}"
            yield writer.writerow(row)

    response = StreamingHttpResponse(text(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="payment-lines-{status}.csv"'
    )
    return response


def xlsx_response(status):
    """openpyxl's write-only mode writes each row to disk as it goes; the finished file is
    sent from a temporary file, so memory stays flat however many lines there are."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Payment lines")
    sheet.append(EXPORT_COLUMNS)
    for row in _rows(status):
        amount = WriteOnlyCell(sheet, value=row[AMOUNT])
        amount.number_format = "0.00"
        row[AMOUNT] = amount
        sheet.append(row)
    spool = tempfile.TemporaryFile()
    book.save(spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=f"payment-lines-{status}.xlsx",
        content_type=XLSX,
    )


def _summed(field, condition):
    """A sum of money the database works out, £0.00 rather than None when nothing counts."""
    return Coalesce(Sum(field, filter=condition), Value(ZERO), output_field=MONEY)


def by_strand_and_month(year_start):
    """Approved and paid money in the tax year starting on 6 April of `year_start`, summed
    by the database per programme strand and calendar month (of the involvement)."""
    start, end = tax_year(date(year_start, 4, 6))
    found = (
        ClaimLine.objects.filter(
            claim__status__in=(ClaimStatus.APPROVED, ClaimStatus.PAID),
            claim__happened_on__range=(start, end),
        )
        # "2026-11" by the database's own text functions: faster than truncating dates,
        # which SQLite does in Python, row by row.
        .annotate(month=Substr(Cast("claim__happened_on", CharField()), 1, 7))
        .values("claim__strand", "month")
        .annotate(
            fees=_summed("amount", FEE),
            expenses=_summed("amount", ~FEE),
            paid=_summed("amount", Q(claim__status=ClaimStatus.PAID)),
        )
        .order_by("month", "claim__strand")
    )
    rows = []
    for row in found:
        # SQLite hands sums back with float noise; pence are exact after quantizing.
        fees, expenses, paid = (
            row[k].quantize(ZERO) for k in ("fees", "expenses", "paid")
        )
        rows.append(
            {
                "strand": row["claim__strand"] or "No strand",
                "month": date(int(row["month"][:4]), int(row["month"][5:7]), 1),
                "fees": fees,
                "expenses": expenses,
                "total": fees + expenses,
                "paid": paid,
            }
        )
    return rows


def statement(person, year_start):
    """The person's claims sent, approved or paid in one tax year, each with its fee and
    expenses summed by the database, and the year's totals (two queries)."""
    start, end = tax_year(date(year_start, 4, 6))
    claims = (
        Claim.objects.filter(
            person=person, status__in=COUNTED, happened_on__range=(start, end)
        )
        .annotate(
            fees=_summed("lines__amount", Q(lines__kind=ClaimLine.Kind.FEE)),
            expenses=_summed("lines__amount", ~Q(lines__kind=ClaimLine.Kind.FEE)),
        )
        .order_by("happened_on", "pk")
    )
    year = totals.totals(person, start)  # the ledger's own running totals
    year_totals = {
        "fees": year.year_fees,
        "expenses": year.year_expenses,
        "paid": year.year_paid,
        "total": year.year_fees + year.year_expenses,
    }
    return {
        "start": start,
        "end": end,
        "label": totals.tax_year_label(start),
        "claims": list(claims),
        "totals": year_totals,
    }


def plausible_year(year, today):
    """Tax years the product could hold: none before 2000, none after next year."""
    return 2000 <= year <= today.year + 1


def year_of(value, today):
    """The tax year asked for (its first calendar year), or this one when the value is not
    a plausible year."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        year = 0
    return year if plausible_year(year, today) else tax_year(today)[0].year
