"""Figures that count people (Lived Experience Partners involved) count each person once
over the range, however many months they took part in; each month counts them once too.
Money paid to them is shown to the nearest £100."""

import datetime
from decimal import Decimal

import pytest

from members.impact import figures
from members.impact.figures import Filters
from members.payments.models import Claim, ClaimLine
from tests.factories.pairings import make_partner

pytestmark = pytest.mark.django_db


def involved(partner, *months):
    for month in months:
        Claim.objects.create(
            person=partner,
            involvement="event",
            source=f"test:{partner.pk}:{month}",
            title="Advisory group",
            happened_on=datetime.date(2026, month, 10),
            status="paid",
        )


def test_a_partner_in_three_months_is_one_partner(regions):
    for _ in range(6):
        involved(make_partner(), 3, 4, 5)
    figure = figures.report(Filters())["counts"]["partners_involved"]
    assert figure["total"].text == "6"
    assert {r["label"]: r["shown"].text for r in figure["by_month"]} == {
        "March 2026": "6",
        "April 2026": "6",
        "May 2026": "6",
    }
    by_region = {r["label"]: r["shown"].text for r in figure["by_region"]}
    assert by_region["West Midlands"] == "6"
    assert figures.headline_value("partners_involved") == "6"
    april = Filters(start=datetime.date(2026, 4, 1), end=datetime.date(2026, 5, 31))
    assert figures.report(april)["counts"]["partners_involved"]["total"].text == "6"


def test_a_small_region_of_people_stays_hidden(regions):
    for _ in range(6):
        involved(make_partner(), 3, 4)
    involved(make_partner(region_slug="london"), 3, 4)
    figure = figures.report(Filters())["counts"]["partners_involved"]
    assert figure["total"].text == "7"
    by_region = {r["label"]: r["shown"].text for r in figure["by_region"]}
    # London's one partner is hidden, and so the West Midlands' 6 (7 - 6 gives it).
    assert by_region["London"] == "fewer than 5"
    assert by_region["West Midlands"] == "not shown"


def paid(partner, amount, day):
    claim = Claim.objects.create(
        person=partner,
        involvement="event",
        source=f"paid:{partner.pk}:{day}",
        title="Advisory group",
        happened_on=day,
        status="paid",
        paid_on=day,
    )
    ClaimLine.objects.create(claim=claim, kind="fee", amount=amount)


def test_money_is_to_the_nearest_100_pounds_so_a_day_more_gives_nobody_away(regions):
    partners = [make_partner() for _ in range(6)]
    for partner in partners[:5]:
        paid(partner, Decimal("612.50"), datetime.date(2026, 4, 10))
    # One more person paid £75 on the last day: a range a day longer must not say so.
    paid(partners[5], Decimal("75.00"), datetime.date(2026, 4, 30))
    to_29th = Filters(start=datetime.date(2026, 4, 1), end=datetime.date(2026, 4, 29))
    to_30th = Filters(start=datetime.date(2026, 4, 1), end=datetime.date(2026, 4, 30))
    shorter, longer = (figures.report(f)["money"] for f in (to_29th, to_30th))
    assert shorter["amount"] == "3,100"  # £3,062.50
    assert longer["amount"] == "3,100"  # £3,137.50
    assert (shorter["people"].text, longer["people"].text) == ("5", "6")
