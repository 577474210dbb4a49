"""Add many payment claims for `make bench --volume`; never for real sites.

Spreads `--lines` payment lines (a fee and an expense per claim) over `--people` of the
volume members that `seed_volume` made, across three tax years and every step of the
workflow, and gives the demo partner a hundred times an average person's share, so their
own payments page is measured with far more claims than anyone has. Fixed sources, so
running it again tops the set up instead of adding another batch.
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from members.payments.models import (
    Claim,
    ClaimLine,
    ClaimStatus,
    ExpenseCategory,
    Involvement,
    PaymentRate,
)

PREFIX = "volume-claim:"
DOMAIN = "volume.example.org"
PARTNER = "partner@example.org"
BATCH = 2000
LIMIT = 200_000
# One claim in twenty at each early step, the rest paid: a programme a few years in.
STEPS = [ClaimStatus.DRAFT, ClaimStatus.SUBMITTED, ClaimStatus.APPROVED] + [
    ClaimStatus.PAID
] * 17
PAYABLE = (ClaimStatus.APPROVED, ClaimStatus.PAID)
KINDS = [
    Involvement.NETWORK_MEETING,
    Involvement.EVENT,
    Involvement.OPPORTUNITY,
    Involvement.COACHING_SESSION,
]


class Command(BaseCommand):
    help = "Top the database up to many payment claims, two lines each."

    def add_arguments(self, parser):
        parser.add_argument("--lines", type=int, default=50_000)
        parser.add_argument("--people", type=int, default=5000)

    def handle(self, *args, lines, people, **options):
        for name, value in (("lines", lines), ("people", people)):
            if not 0 <= value <= LIMIT:
                raise CommandError(f"--{name} must be between 0 and {LIMIT:,}.")
        User = get_user_model()
        payees = list(
            User.objects.filter(email__endswith="@" + DOMAIN)
            .order_by("pk")
            .values_list("pk", flat=True)[:people]
        )
        if lines and not payees:
            raise CommandError("No volume members yet: run seed_volume first.")
        partner = User.objects.filter(email=PARTNER).values_list("pk", flat=True)
        with transaction.atomic():
            added = self.seed(lines // 2, payees, partner.first())
        self.stdout.write(f"{added} claims ({added * 2} lines) added.")

    def seed(self, claims, payees, partner):
        existing = Claim.objects.filter(source__startswith=PREFIX).count()
        rates = {rate.involvement: rate for rate in PaymentRate.objects.all()}
        travel = ExpenseCategory.objects.filter(name="Travel").first()
        # The partner's share: a hundred times the average person's (half, for few people).
        every = max(2, len(payees) // 100)
        today = timezone.localdate()
        now = timezone.now()
        for start in range(existing, claims, BATCH):
            rows = []
            for n in range(start, min(start + BATCH, claims)):
                kind = KINDS[n % len(KINDS)]
                rate = rates.get(kind)
                status = STEPS[n % len(STEPS)]
                happened = today - timedelta(days=(n * 7) % 1095)
                person = (
                    partner if partner and n % every == 0 else payees[n % len(payees)]
                )
                rows.append(
                    Claim(
                        person_id=person,
                        involvement=kind,
                        source=f"{PREFIX}{n}",
                        title=f"{Involvement(kind).label} {n}",
                        happened_on=happened,
                        cost_code=rate.cost_code if rate else "",
                        strand=rate.strand if rate else "",
                        status=status,
                        created_at=now,
                        submitted_at=None if status == ClaimStatus.DRAFT else now,
                        approved_at=now if status in PAYABLE else None,
                        paid_on=happened + timedelta(days=14)
                        if status == ClaimStatus.PAID
                        else None,
                        payment_reference=f"BACS-{n:06d}"
                        if status == ClaimStatus.PAID
                        else "",
                    )
                )
            made = Claim.objects.bulk_create(rows)
            ClaimLine.objects.bulk_create(
                line
                for claim in made
                for line in (
                    ClaimLine(
                        claim=claim,
                        kind=ClaimLine.Kind.FEE,
                        amount=Decimal("50.00"),
                        description="Two hours",
                    ),
                    ClaimLine(
                        claim=claim,
                        kind=ClaimLine.Kind.EXPENSE,
                        category=travel,
                        amount=Decimal(f"{3 + claim.pk % 20}.{claim.pk % 100:02d}"),
                        description="Bus fare",
                    ),
                )
            )
        return max(0, claims - existing)
