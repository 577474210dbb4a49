"""Opportunity pages and expressions of interest for the suite (fixed values tests read)."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from home.models.snippets import Region
from members.models import (
    ExpressionOfInterest,
    OpportunityIndexPage,
    OpportunityPage,
)
from website import activity


def ensure_index(home_page):
    index = OpportunityIndexPage.objects.first()
    if index is None:
        index = OpportunityIndexPage(title="Opportunities", slug="opportunities")
        home_page.add_child(instance=index)
        index.save_revision().publish()
    return index


_counter = iter(range(1, 10_000_000))


def make_opportunity(index, *, regions=("west-midlands",), publish=True, **fields):
    """Create (and by default publish) an OpportunityPage under `index`."""
    n = next(_counter)
    closes_at = fields.pop("closes_at", timezone.now() + timedelta(days=20))
    values = {
        "title": f"Opportunity {n}",
        "slug": f"opportunity-{n}",
        "summary": "A short summary of the opportunity.",
        "opportunity_type": "coaching",
        "organisation": "Example Trust",
        "format": "online",
        "places": 3,
        "time_commitment": "2 hours a month",
        "duration": "6 months",
        "payment_unit": "voluntary",
        "closes_at": closes_at,
    }
    values.update(fields)
    if values["payment_unit"] != "voluntary" and not values.get("payment_amount"):
        values["payment_amount"] = Decimal("25")
    page = OpportunityPage(**values)
    page.allow_past_closing = True
    page.regions = list(Region.objects.filter(slug__in=regions))
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.live = False
        page.save_revision()
        OpportunityPage.objects.filter(pk=page.pk).update(live=False)
        page.refresh_from_db()
    return page


class InterestFactory(factory.django.DjangoModelFactory):
    """An expression of interest; pass opportunity= and member=."""

    class Meta:
        model = ExpressionOfInterest
        skip_postgeneration_save = True

    status = "submitted"
    why_interested = "I care for my mum and want services to listen."
    experience = ""
    availability = "Weekday mornings"

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        if create:
            activity.record(
                self,
                verb="status",
                to_state=self.status,
                visibility=activity.PARTICIPANTS,
            )
