"""Running totals per tax year (6 April to 5 April) and per week (Monday to Sunday), by
database aggregation, and the warning before a claim would cross a limit the person set.

The totals count claims sent, approved or paid, by the day the involvement happened.
Only fees count towards the limits: expenses repay money spent, which benefits rules
usually treat differently. The product gives no benefits advice; the person sets the
figures, and the page links to independent advice.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q, Sum

from members.payments.models import Claim, ClaimLine, ClaimStatus

COUNTED = (ClaimStatus.SUBMITTED, ClaimStatus.APPROVED, ClaimStatus.PAID)
ZERO = Decimal("0.00")


def tax_year(day):
    """(first day, last day) of the UK tax year holding `day`."""
    start_year = day.year if day >= date(day.year, 4, 6) else day.year - 1
    return date(start_year, 4, 6), date(start_year + 1, 4, 5)


def tax_year_label(day):
    start, end = tax_year(day)
    return f"{start.year}–{str(end.year)[-2:]}"


def week(day):
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=6)


@dataclass
class Totals:
    year_fees: Decimal
    year_expenses: Decimal
    week_fees: Decimal
    year_paid: Decimal


def totals(person, day, *, leave_out=None):
    """The person's totals for the tax year and week holding `day` (one query).
    `leave_out` is a claim not to count (the one being sent)."""
    year_start, year_end = tax_year(day)
    week_start, week_end = week(day)
    lines = ClaimLine.objects.filter(
        claim__person=person,
        claim__status__in=COUNTED,
        claim__happened_on__range=(year_start, year_end),
    )
    if leave_out is not None:
        lines = lines.exclude(claim_id=leave_out.pk)
    fee = Q(kind=ClaimLine.Kind.FEE)
    found = lines.aggregate(
        year_fees=Sum("amount", filter=fee),
        year_expenses=Sum("amount", filter=~fee),
        week_fees=Sum(
            "amount", filter=fee & Q(claim__happened_on__range=(week_start, week_end))
        ),
        year_paid=Sum("amount", filter=Q(claim__status=ClaimStatus.PAID)),
    )
    return Totals(
        **{name: (value or ZERO).quantize(ZERO) for name, value in found.items()}
    )


def fee_of(claim):
    return sum((line.amount for line in claim.lines.all() if line.kind == "fee"), ZERO)


def limit_warnings(claim, preference):
    """What sending this claim with its fee would cross, as sentences for the person;
    empty when they set no limit or it stays under."""
    if preference is None or not preference.on_benefits:
        return []
    fee = fee_of(claim)
    if not fee:
        return []
    now = totals(claim.person, claim.happened_on, leave_out=claim)
    warnings = []
    if preference.weekly_limit is not None:
        after = now.week_fees + fee
        if after > preference.weekly_limit:
            warnings.append(
                f"With this fee your fees for the week would be £{after}, over the "
                f"£{preference.weekly_limit} a week you set."
            )
    if preference.year_limit is not None:
        after = now.year_fees + fee
        if after > preference.year_limit:
            warnings.append(
                f"With this fee your fees for the {tax_year_label(claim.happened_on)} "
                f"tax year would be £{after}, over the £{preference.year_limit} you set."
            )
    return warnings


def claimed_in_year(person, day):
    """The person's claims in the tax year holding `day`, newest first."""
    start, end = tax_year(day)
    return Claim.objects.filter(person=person, happened_on__range=(start, end))
