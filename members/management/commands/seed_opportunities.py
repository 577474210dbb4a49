"""Add many opportunities for load tests (`make bench --volume`); never for real sites.

Pages are published directly (no revision history) so 2,000 take a minute, not an hour.
Running it again tops the set up to --count rather than adding another batch.
"""

from datetime import timedelta
from itertools import cycle

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from home.models.snippets import Region
from members.models import OpportunityPage
from members.opportunities.choices import Format, OpportunityType
from members.opportunities.demo import ensure_opportunity_index

PREFIX = "volume-opportunity-"


class Command(BaseCommand):
    help = "Create up to --count published opportunities for load testing."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=2000)

    def handle(self, *args, count=2000, **options):
        if count < 0 or count > 50_000:
            raise CommandError("--count must be between 0 and 50,000.")
        index = ensure_opportunity_index()
        existing = OpportunityPage.objects.filter(slug__startswith=PREFIX).count()
        regions = cycle(list(Region.objects.all()) or [None])
        types = cycle(OpportunityType.values)
        formats = cycle(Format.values)
        now = timezone.now()
        with transaction.atomic():
            for n in range(existing, count):
                region = next(regions)
                page = OpportunityPage(
                    title=f"Volume opportunity {n + 1}",
                    slug=f"{PREFIX}{n + 1}",
                    summary="A generated opportunity for load testing.",
                    opportunity_type=next(types),
                    organisation="Load test organisation",
                    format=next(formats),
                    places=5,
                    time_commitment="2 hours a month",
                    duration="6 months",
                    payment_unit="voluntary",
                    closes_at=now + timedelta(days=1 + n % 90, hours=n % 24),
                    live=True,
                )
                if region:
                    page.regions = [region]
                index.add_child(instance=page)
        self.stdout.write(f"{max(count - existing, 0)} opportunities added.")
