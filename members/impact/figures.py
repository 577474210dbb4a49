"""The impact report's figures, all counted by the database and protected before anyone
sees them (members/impact/suppression.py).

Each count is one query grouped by region and month (and by strand, for a figure split
between strands), whatever the amount of data (members/impact/counts.py); the headline,
the table by month and the table by region all come from that one protected grid or
cube, so a region's figures are exactly that region's row of the whole programme's table.
Networks' figures arrive through `members.impact.registry` (members never imports them).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone

from home.models import Region
from members.accounts.choices import MemberType
from members.coaching.models import Pairing, PairingSession
from members.enquiries.models import Enquiry, EnquiryType
from members.events.choices import EventKind, EventStatus
from members.events.models import Event, EventBooking
from members.impact import change, counts, registry, suppression, who
from members.impact.counts import NO_REGION
from members.impact.registry import CHANGE, POWER, REACH, Figure
from members.learning.models import LearningSession, SetLeader
from members.models import User
from members.payments.models import Claim, ClaimLine, ClaimStatus
from members.payments.totals import COUNTED

STRANDS = {
    "coaching": "Coaching and mentoring",
    "learning": "Learning sets",
    "events": "Events and workshops",
    "networks": "Regional networks",
}
SECTIONS = {
    REACH: "Reach",
    CHANGE: "Change",
    POWER: "Power shared",
}
MONEY_STEP = 100  # pounds: money in the report is shown to the nearest £100
OWN_EVENTS = ~Q(kind__in=[EventKind.NETWORK_MEETING, EventKind.LEARNING_SET])


@dataclass(frozen=True)
class Filters:
    """What staff chose: a date range (either end open), a region and a strand."""

    start: date | None = None
    end: date | None = None
    region: Region | None = None
    strand: str = ""

    def moment_range(self):
        start = self.start and timezone.make_aware(datetime.combine(self.start, time()))
        end = self.end and timezone.make_aware(
            datetime.combine(self.end + timedelta(days=1), time())
        )
        return start, end


def _event_strands(prefix=""):
    kind = f"{prefix}kind"
    return {
        "events": ~Q(
            **{f"{kind}__in": [EventKind.NETWORK_MEETING, EventKind.LEARNING_SET]}
        ),
        "networks": Q(**{kind: EventKind.NETWORK_MEETING}),
        "learning": Q(**{kind: EventKind.LEARNING_SET}),
    }


def own_figures():
    """The members app's own counts (networks add theirs through the registry)."""
    now = timezone.now()
    held = Event.objects.filter(status=EventStatus.SCHEDULED, starts_at__lte=now)
    return [
        Figure(
            "enquiries",
            "Enquiries from leaders",
            REACH,
            Enquiry.objects.exclude(status=Enquiry.Status.SPAM),
            "created_at",
            "region_id",
            strands={
                "coaching": Q(
                    enquiry_type__in=[EnquiryType.COACHING, EnquiryType.MENTORING]
                ),
                "networks": Q(enquiry_type=EnquiryType.NETWORK),
            },
        ),
        Figure(
            "pairings",
            "Leaders coached one to one",
            REACH,
            Pairing.objects.filter(introduced_at__isnull=False),
            "introduced_at",
            "region_id",
            strands={"coaching": Q()},
        ),
        Figure(
            "set_leaders",
            "Leaders in learning sets",
            REACH,
            SetLeader.objects.all(),
            "joined_at",
            "learning_set__region_id",
            strands={"learning": Q()},
        ),
        Figure(
            "coaching_sessions",
            "Coaching sessions held",
            REACH,
            PairingSession.objects.filter(date__lte=now.date()),
            "date",
            "pairing__region_id",
            strands={"coaching": Q()},
            is_date=True,
        ),
        Figure(
            "set_sessions",
            "Learning set sessions held",
            REACH,
            LearningSession.objects.filter(
                event__status=EventStatus.SCHEDULED, event__starts_at__lte=now
            ),
            "event__starts_at",
            "learning_set__region_id",
            strands={"learning": Q()},
        ),
        Figure(
            "events",
            "Events held",
            REACH,
            held.filter(OWN_EVENTS),
            "starts_at",
            "region_id",
            strands={"events": Q()},
        ),
        Figure(
            "attendance",
            "Places taken up at events (attended)",
            REACH,
            EventBooking.objects.filter(attended=True, event__in=held),
            "event__starts_at",
            "event__region_id",
            strands=_event_strands("event__"),
        ),
        Figure(
            "members_active",
            "Members active (signed in)",
            REACH,
            User.objects.filter(
                profile__isnull=False, is_active=True, last_login__isnull=False
            ),
            "last_login",
            "profile__region_id",
        ),
        Figure(
            "partners_involved",
            "Lived Experience Partners involved (sent a claim for their time)",
            POWER,
            Claim.objects.filter(
                status__in=COUNTED,
                person__profile__member_type=MemberType.LIVED_EXPERIENCE_PARTNER,
            ),
            "happened_on",
            "person__profile__region_id",
            distinct="person",
            is_date=True,
        ),
        Figure(
            "co_led_events",
            "Events co-led by a Lived Experience Partner",
            POWER,
            held.filter(co_led_by_partner=True),
            "starts_at",
            "region_id",
            strands=_event_strands(),
        ),
    ]


def all_figures():
    return own_figures() + registry.registered()


def applies(figure, strand):
    return not strand or not figure.strands or strand in figure.strands


def reach(filters, regions):
    """Every figure that applies to the strand: its headline, by month and by region."""
    keys = [region.pk for region in regions]
    results = []
    for figure in all_figures():
        if not applies(figure, filters.strand):
            continue
        months, by_month, by_region = counts.protected(figure, filters, keys)
        results.append(
            {
                "key": figure.key,
                "label": figure.label,
                "section": figure.section,
                "total": by_month.total,
                "by_month": [
                    {
                        "key": m,
                        "label": counts.month_label(m),
                        "shown": by_month.cells[m],
                    }
                    for m in months
                ],
                "by_region": _region_rows(by_region, regions),
            }
        )
    return results


def _region_rows(table, regions):
    if table is None:
        return []
    names = {region.pk: region.name for region in regions}
    names[NO_REGION] = "No region given"
    return [
        {"key": key, "label": names.get(key, "Other"), "shown": shown}
        for key, shown in table.cells.items()
    ]


def money(filters):
    """Paid to people with lived experience in the range, to the nearest MONEY_STEP
    pounds: the sum is shown only when the people paid (in the region, and in the rest)
    are 5 or more. Payments carry no strand."""
    lines = ClaimLine.objects.filter(
        claim__status=ClaimStatus.PAID,
        claim__person__profile__member_type=MemberType.LIVED_EXPERIENCE_PARTNER,
    )
    if filters.start:
        lines = lines.filter(claim__paid_on__gte=filters.start)
    if filters.end:
        lines = lines.filter(claim__paid_on__lte=filters.end)
    rows = (
        lines.values("claim__person__profile__region_id")
        .annotate(people=Count("claim__person", distinct=True), amount=Sum("amount"))
        .order_by()
    )
    people, amounts = {}, {}
    for row in rows:
        region = row["claim__person__profile__region_id"] or NO_REGION
        people[region] = row["people"]
        amounts[region] = row["amount"] or 0
    table = suppression.protect(people)
    if filters.region is not None:
        shown = table.cells.get(filters.region.pk, suppression.Shown(0))
        amount = amounts.get(filters.region.pk, 0)
    else:
        shown, amount = table.total, sum(amounts.values())
    return {
        "people": shown,
        "amount": None if shown.hidden else f"{to_nearest(amount, MONEY_STEP):,}",
    }


def to_nearest(amount, step):
    """Whole pounds to the nearest `step`: two date ranges, one a day longer, never give
    away what one person was paid that day, to the penny."""
    return int((Decimal(amount) / step).quantize(Decimal(1), ROUND_HALF_UP) * step)


def report(filters):
    """Everything the impact page, its downloads and the funders' page show."""
    regions = list(Region.objects.order_by("sort_order", "name"))
    counts = reach(filters, regions)
    return {
        "filters": filters,
        "regions": regions,
        "sections": [
            {
                "key": key,
                "title": title,
                "figures": [f for f in counts if f["section"] == key],
            }
            for key, title in SECTIONS.items()
        ],
        "counts": {f["key"]: f for f in counts},
        "money": money(filters),
        "paid_or_volunteering": change.paid_or_volunteering(filters, regions),
        "confidence": change.confidence(filters),
        "themes": change.theme_counts(filters),
        "quotes": change.quotes(filters),
        "who": who.equality(filters, regions),
    }


HEADLINE = [
    "partners_involved",
    "you_said_raised",
    "you_said_changed",
    "pairings",
    "coaching_sessions",
    "events",
]


def headline_labels():
    """(key, label) of the headline figures, asking the database nothing."""
    return [(f.key, f.label) for f in all_figures() if f.key in HEADLINE]


def headline_value(key, filters=None):
    """One headline figure's protected text: a number or "fewer than 5"."""
    for found in headline(filters, keys=[key]):
        return found["shown"].text
    return ""


def headline(filters=None, keys=HEADLINE):
    """A few named figures for the public "in numbers" block, with the same protection:
    [{"key", "label", "shown"}] where `shown.text` is a number or "fewer than 5"."""
    filters = filters or Filters()
    region_keys = list(
        Region.objects.order_by("sort_order", "name").values_list("pk", flat=True)
    )
    found = []
    for figure in all_figures():
        if figure.key in keys:
            total = counts.protected(figure, filters, region_keys)[1].total
            found.append({"key": figure.key, "label": figure.label, "shown": total})
    return found
