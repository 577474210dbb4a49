"""What the payments pages read: a person's claims, the rates in force, the staff queue."""

from decimal import Decimal

from django.db.models import DecimalField, Q, Sum, Value
from django.db.models.functions import Coalesce

from members.payments.models import Claim, ClaimLine, ClaimStatus, PaymentRate
from website import activity

S = ClaimStatus
PENNY = Decimal("0.01")


def with_total(claims):
    """Claims with `.total` added by the database (one query for a whole page)."""
    return claims.annotate(
        total=Coalesce(
            Sum("lines__amount"),
            Value(0),
            output_field=DecimalField(max_digits=11, decimal_places=2),
        )
    )


def with_totals(claims):
    """The claims as a list, each with `.total` summed by the database in one query. For a
    page of a long listing: summing in the listing's own query would group every matching
    claim before sorting and cutting the page."""
    claims = list(claims)
    sums = dict(
        ClaimLine.objects.filter(claim__in=[claim.pk for claim in claims])
        .values("claim")
        .annotate(total=Sum("amount"))
        .values_list("claim", "total")
    )
    for claim in claims:
        # SQLite hands sums back with float noise; pence are exact after quantizing.
        claim.total = Decimal(sums.get(claim.pk) or 0).quantize(PENNY)
    return claims


def ledger_of(person):
    """Everything the person may see of their own ledger, newest first, without totals."""
    return (
        Claim.objects.filter(person=person)
        .exclude(status=S.WITHDRAWN)
        .order_by("-happened_on", "-pk")
    )


def claims_of(person):
    """The person's own claims with their totals: for opening one of them."""
    return with_total(ledger_of(person))


def to_send(person):
    return with_totals(ledger_of(person).filter(status__in=(S.DRAFT, S.RETURNED))[:50])


def current_rates(day):
    """The rate in force for each kind of involvement on `day` (one query)."""
    newest = {}
    for rate in PaymentRate.objects.filter(valid_from__lte=day).order_by(
        "involvement", "-valid_from"
    ):
        newest.setdefault(rate.involvement, rate)
    return list(newest.values())


def history(claim):
    return activity.history(claim, participant=True)


def staff_queue(status="", search=""):
    """Claims for the staff screen, with their person, filtered by status and name (totals
    for one page at a time come from `with_totals`)."""
    claims = Claim.objects.exclude(status=S.WITHDRAWN)
    if status in S.values:
        claims = claims.filter(status=status)
    else:
        claims = claims.filter(status__in=(S.SUBMITTED, S.APPROVED))
    if search:
        claims = claims.filter(
            Q(person__email__icontains=search)
            | Q(person__first_name__icontains=search)
            | Q(person__last_name__icontains=search)
            | Q(title__icontains=search)
        )
    return claims.select_related("person").order_by("submitted_at", "pk")
