"""The report's "change" and "power shared" figures that are not plain counts: confidence
before and after (aggregate only), themes staff saw in reflections, consented quotes, and
how partners chose to be paid. Every number passes through members/impact/suppression.py."""

from django.db.models import Count, Exists, F, OuterRef, Q, Sum

from members.accounts.choices import MemberType
from members.coaching.models import Reflection
from members.impact import counts, suppression
from members.impact.counts import NO_REGION
from members.impact.models import Theme, ThemeTag
from members.learning.models import SetLeader, SetReflection
from members.models import User
from members.payments.models import Claim, ClaimStatus, PaymentChoice, PaymentPreference
from website import reflections

PAID = (PaymentChoice.FEE_AND_EXPENSES, PaymentChoice.VOUCHERS)
PAID_LABELS = {"paid": "Paid (a fee or vouchers)", "volunteering": "Volunteering"}
QUOTES = 10


def _in_range(queryset, field, filters):
    return counts.in_range(queryset, field, *filters.moment_range())


def _partners_by_choice(filters):
    """Per region, partners paid and volunteering. With no dates: each partner's payment
    preference today. With dates: the partners who took part then (a claim for something
    that happened in the range and was not withdrawn), paid if any of those claims was
    for a fee or vouchers, so a partner who changed their mind later counts as they were."""
    if not (filters.start or filters.end):
        return (
            PaymentPreference.objects.filter(
                user__profile__member_type=MemberType.LIVED_EXPERIENCE_PARTNER
            )
            .values(region=F("user__profile__region_id"))
            .annotate(
                paid=Count("pk", filter=Q(choice__in=PAID)),
                volunteering=Count("pk", filter=~Q(choice__in=PAID)),
            )
            .order_by()
        )
    claims = Claim.objects.filter(person=OuterRef("pk")).exclude(
        status=ClaimStatus.WITHDRAWN
    )
    if filters.start:
        claims = claims.filter(happened_on__gte=filters.start)
    if filters.end:
        claims = claims.filter(happened_on__lte=filters.end)
    return (
        User.objects.filter(profile__member_type=MemberType.LIVED_EXPERIENCE_PARTNER)
        .annotate(
            took_part=Exists(claims), was_paid=Exists(claims.filter(pay_as__in=PAID))
        )
        .filter(took_part=True)
        .values(region=F("profile__region_id"))
        .annotate(
            paid=Count("pk", filter=Q(was_paid=True)),
            volunteering=Count("pk", filter=Q(was_paid=False)),
        )
        .order_by()
    )


def paid_or_volunteering(filters, regions):
    """Lived Experience Partners by how they chose to be paid, by region in one query,
    protected as one grid."""
    grid = {region.pk: {} for region in regions}
    for row in _partners_by_choice(filters):
        grid[row["region"] or NO_REGION] = {
            "paid": row["paid"],
            "volunteering": row["volunteering"],
        }
    columns = list(PAID_LABELS)
    tables, whole, _by_row = suppression.protect_grid(grid, columns)
    table = whole if filters.region is None else tables[filters.region.pk]
    return {
        "total": table.total,
        "rows": table.rows(PAID_LABELS),
        "dated": bool(filters.start or filters.end),
    }


def confidence(filters):
    """Leaders’ confidence before and after a learning set (1 to 5), as two averages,
    shown only when 5 or more leaders in the region (and 5 or more outside it) answered
    both; never a person's own scores. Always over every set so far, whatever the dates:
    the averages of two date ranges, one a leader longer than the other, would give
    that leader's own scores away."""
    answered = SetLeader.objects.filter(
        confidence_before__isnull=False, confidence_after__isnull=False
    )
    rows = (
        answered.values("learning_set__region_id")
        .annotate(
            n=Count("pk"),
            before=Sum("confidence_before"),
            after=Sum("confidence_after"),
        )
        .order_by()
    )
    by_region = {r["learning_set__region_id"] or NO_REGION: r for r in rows}
    table = suppression.protect({key: r["n"] for key, r in by_region.items()})
    if filters.region is None:
        shown = table.total
        picked = list(by_region.values())
    else:
        shown = table.cells.get(filters.region.pk, suppression.Shown(0))
        picked = (
            [by_region[filters.region.pk]] if filters.region.pk in by_region else []
        )
    if shown.hidden or not shown.value:
        return {"people": shown, "before": None, "after": None}
    n = sum(r["n"] for r in picked)
    return {
        "people": shown,
        "before": round(sum(r["before"] for r in picked) / n, 1),
        "after": round(sum(r["after"] for r in picked) / n, 1),
    }


def theme_counts(filters):
    """Reflections staff tagged with each theme (tagged in the date range). Reflections
    carry no strand and the tags no region, so a region or strand filter hides them."""
    if filters.region is not None or filters.strand:
        return None
    tags = _in_range(ThemeTag.objects.all(), "tagged_at", filters)
    counts = dict(
        tags.values_list("theme_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("theme_id", "n")
    )
    themes = list(Theme.objects.order_by("name"))
    # Themes overlap (one reflection, many themes), so the cells have no shared total
    # and each is protected on its own.
    return [
        {
            "key": theme.pk,
            "label": theme.name,
            "shown": suppression.show(counts.get(theme.pk, 0)),
        }
        for theme in themes
    ]


def quotes(filters, limit=QUOTES):
    """Words people agreed may be quoted, never with a name, newest first: from coaching
    and learning set reflections in the range (and region and strand)."""
    found = []
    sources = [
        (Reflection, "pairing__region_id", "coaching"),
        (SetReflection, "learning_set__region_id", "learning"),
    ]
    for model, region_field, strand in sources:
        if filters.strand and filters.strand != strand:
            continue
        chosen = _in_range(
            model.objects.filter(quote_consent=True), "created_at", filters
        )
        if filters.region is not None:
            chosen = chosen.filter(**{region_field: filters.region.pk})
        rows = list(chosen.order_by("-created_at")[:limit])
        for row, quote in zip(rows, reflections.quotes(rows), strict=True):
            found.append({**quote, "created_at": row.created_at, "strand": strand})
    found.sort(key=lambda q: q["created_at"], reverse=True)
    return found[:limit]
