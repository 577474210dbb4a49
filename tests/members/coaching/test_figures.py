"""Programme figures against a known fixture: counts and medians by month, region and type."""

import csv
import datetime
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from members.coaching import figures as figures
from members.coaching.models import Pairing, Reflection
from members.models import Enquiry
from tests.factories.pairings import make_enquiry, make_pairing, make_partner

S = Pairing.Status


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.fixture
def fixture(db):
    partner = make_partner("fig.partner@example.org", capacity=9)
    rows = [
        # region, organisation type, received, days to introduction, status
        (
            "west-midlands",
            "local_authority",
            datetime.date(2026, 1, 10),
            10,
            S.COMPLETED,
        ),
        ("west-midlands", "local_authority", datetime.date(2026, 1, 20), 20, S.ACTIVE),
        ("west-midlands", "icb", datetime.date(2026, 2, 5), 40, S.PAUSED),
        ("north-west", "icb", datetime.date(2026, 2, 10), 5, S.ACTIVE),
        (
            "north-west",
            "nhs_provider",
            datetime.date(2026, 2, 15),
            None,
            S.PARTNER_INVITED,
        ),
        ("north-west", "voluntary", datetime.date(2026, 3, 1), None, None),
    ]
    for region, org_type, received, days, status in rows:
        enquiry = make_enquiry(
            region_slug=region, organisation_type=org_type, created_at=at(received)
        )
        if status is None:
            continue
        pairing = make_pairing(
            partner, status, enquiry=enquiry, organisation_type=org_type
        )
        Pairing.objects.filter(pk=pairing.pk).update(
            enquiry_received_at=at(received),
            introduced_at=at(received) + timedelta(days=days) if days else None,
        )
    make_enquiry(
        region_slug="west-midlands",
        created_at=at(datetime.date(2026, 3, 2)),
        status=Enquiry.Status.SPAM,
    )


def by_label(rows):
    return {
        row["label"]: (
            row["received"],
            row["matched"],
            row["running"],
            row["completed"],
            row["median_days"],
        )
        for row in rows
    }


def test_totals(fixture):
    assert by_label([figures.totals()]) == {"All enquiries": (6, 4, 3, 1, 15.0)}


def test_by_region(fixture):
    assert by_label(figures.figures_by("region")) == {
        "West Midlands": (3, 3, 2, 1, 20.0),
        "North West": (3, 1, 1, 0, 5.0),
    }


def test_by_month(fixture):
    assert by_label(figures.figures_by("month")) == {
        "January 2026": (2, 2, 1, 1, 15.0),
        "February 2026": (3, 2, 2, 0, 22.5),
        "March 2026": (1, 0, 0, 0, None),
    }


def test_by_organisation_type(fixture):
    assert by_label(figures.figures_by("organisation_type")) == {
        "Local authority adult social care": (2, 2, 1, 1, 15.0),
        "Integrated care board": (2, 2, 2, 0, 22.5),
        "NHS trust or provider": (1, 0, 0, 0, None),
        "Voluntary or community organisation": (1, 0, 0, 0, None),
    }


def test_figures_use_a_fixed_number_of_queries(fixture, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        figures.figures_by("month")


def test_anonymous_recommend_counts_and_only_consented_quotes(fixture):
    pairing = Pairing.objects.filter(status=S.COMPLETED).get()
    Reflection.objects.create(
        pairing=pairing,
        role="partner",
        what_changed="Quote me",
        what_helped="x",
        would_recommend="yes",
        quote_consent=True,
    )
    Reflection.objects.create(
        pairing=pairing,
        role="leader",
        what_changed="Private words",
        what_helped="x",
        would_recommend="maybe",
        quote_consent=False,
    )
    assert figures.recommend_counts() == [
        {"role": "Leader", "answer": "Maybe", "count": 1},
        {"role": "Lived Experience Partner", "answer": "Yes", "count": 1},
    ]
    quotes = figures.consented_quotes()
    assert [q["what_changed"] for q in quotes] == ["Quote me"]
    assert "author" not in quotes[0]


def test_figures_page_has_accessible_chart_and_tables(client, staff, fixture):
    client.force_login(staff)
    html = client.get(reverse("pairings_admin:figures")).content.decode()
    assert 'role="img"' in html
    assert 'aria-labelledby="chart-title chart-desc"' in html
    assert '<desc id="chart-desc">' in html
    assert "<title>January 2026: enquiries received 2</title>" in html
    assert '<th scope="row">West Midlands</th>' in html


def test_figures_csv(client, staff, fixture):
    client.force_login(staff)
    response = client.get(reverse("pairings_admin:figures_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Grouping"
    assert ["Total", "All enquiries", "6", "4", "3", "1", "15.0"] in rows
    assert ["By region", "North West", "3", "1", "1", "0", "5.0"] in rows
    assert [
        "By month the enquiry arrived",
        "March 2026",
        "1",
        "0",
        "0",
        "0",
        "",
    ] in rows


def test_figures_with_no_data(client, staff):
    client.force_login(staff)
    response = client.get(reverse("pairings_admin:figures"))
    assert response.status_code == 200
    assert "not yet known" in response.content.decode()


def test_chart_shows_empty_months_and_even_ticks(fixture):
    rows = figures.figures_by("month")
    Enquiry.objects.filter(created_at__month=2).delete()
    chart = figures.month_chart(
        [row for row in rows if row["key"] != datetime.date(2026, 2, 1)]
    )
    assert [label["text"] for label in chart["labels"]] == [
        "Jan 26",
        "Feb 26",
        "Mar 26",
    ]
    assert [tick["value"] for tick in chart["ticks"]] == [0, 1, 2, 3, 4]
    february = [bar for bar in chart["bars"] if bar["title"].startswith("February")]
    assert all(bar["height"] == 0 for bar in february)
