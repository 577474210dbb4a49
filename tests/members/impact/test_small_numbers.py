"""Crafted filters: small groups planted on every dimension (a region, a month, a
strand, a date range, each equality question) must never show as a number from 1 to 4
in any download, on the page, in a chart's text or in any filter combination."""

import csv
import datetime
import io
import itertools

import pytest
from django.urls import reverse

from members.impact import figures
from members.impact.figures import STRANDS, Filters
from tests.members.impact.conftest import answers, enquiries, moment, pairing

pytestmark = pytest.mark.django_db


@pytest.fixture
def planted(programme, regions, home_page):
    """Beside the known fixture: 3 enquiries about networks and 2 pairings in the South
    West in January 2026, and 4 people there answering the equality questions (3 aged
    25 to 34 and Asian, 1 prefers not to say)."""
    from home.models import Region

    south_west = Region.objects.get(slug="south-west")
    january = moment(2026, 1, 20)
    enquiries(south_west, january, 3, enquiry_type="network")
    pairing(south_west, january)
    pairing(south_west, january)
    answers(south_west, 3, age_band="25_34", ethnicity="asian", disability="yes")
    answers(south_west, 1, age_band="prefer_not", ethnicity="prefer_not", carer="yes")
    return south_west


def small_values(body):
    found = []
    for row in csv.DictReader(io.StringIO(body)):
        try:
            number = int(str(row["value"]).replace(",", ""))
        except ValueError:
            continue
        if 0 < number < 5:
            found.append(row)
    return found


RANGES = [
    {},
    {"start": "2026-01-01", "end": "2026-01-31"},
    {"start": "2026-01-01", "end": "2026-04-30"},
    {"end": "2026-03-31"},
]


def test_no_filter_combination_ever_downloads_a_number_under_5(
    client, staff, planted, regions
):
    client.force_login(staff)
    region_choices = [
        "",
        str(planted.pk),
        str(regions["west-midlands"].pk),
        str(regions["north-east"].pk),
    ]
    for region, strand, dates in itertools.product(
        region_choices, ["", *STRANDS], RANGES
    ):
        query = {"region": region, "strand": strand, **dates}
        response = client.get(reverse("impact_admin:download_csv"), query)
        assert response.status_code == 200
        assert small_values(response.content.decode()) == [], query


def test_the_page_and_its_charts_never_show_a_number_under_5(client, staff, planted):
    client.force_login(staff)
    for query in (
        {},
        {"region": planted.pk},
        {"region": planted.pk, "strand": "networks"},
    ):
        report = figures.report(
            Filters(
                region=planted if query.get("region") else None,
                strand=query.get("strand", ""),
            )
        )
        shown = [f["total"] for f in report["counts"].values()]
        shown += [
            r["shown"]
            for f in report["counts"].values()
            for r in f["by_month"] + f["by_region"]
        ]
        shown += [r["shown"] for q in report["who"]["questions"] for r in q["rows"]]
        assert all(s.hidden or not 0 < s.value < 5 for s in shown), query
        page = client.get(reverse("impact_admin:report"), query).content.decode()
        for small in ("<td>1</td>", "<td>2</td>", "<td>3</td>", "<td>4</td>"):
            assert small not in page, (query, small)
        for small in (": 1;", ": 2;", ": 3;", ": 4;", ": 1<", ": 2<", ": 3<", ": 4<"):
            assert small not in page, (query, small)


def test_a_region_isolating_fewer_than_5_people_hides_everything_about_them(planted):
    report = figures.report(Filters(region=planted))
    who = report["who"]
    assert who["answered"].text == "fewer than 5"
    for question in who["questions"]:
        assert {row["shown"].text for row in question["rows"]} == {"fewer than 5"}, (
            question["key"]
        )
    assert report["counts"]["pairings"]["total"].text == "fewer than 5"
    networks = figures.report(Filters(region=planted, strand="networks"))
    assert networks["counts"]["enquiries"]["total"].text == "fewer than 5"


def test_a_month_isolating_fewer_than_5_is_hidden_in_every_view(planted):
    january = Filters(start=datetime.date(2026, 1, 1), end=datetime.date(2026, 1, 31))
    counts = figures.report(january)["counts"]
    assert counts["pairings"]["total"].text == "fewer than 5"
    assert counts["enquiries"]["total"].text == "fewer than 5"
    whole = figures.report(Filters(strand="networks"))["counts"]["enquiries"]
    january_cells = [r for r in whole["by_month"] if r["label"] == "January 2026"]
    assert [r["shown"].text for r in january_cells] == ["fewer than 5"]


def test_each_equality_question_hides_its_small_answers_for_the_whole_programme(
    planted,
):
    who = figures.report(Filters())["who"]
    rows = {
        q["key"]: {r["label"]: r["shown"] for r in q["rows"]} for q in who["questions"]
    }
    assert rows["age_band"]["25 to 34"].hidden
    assert rows["age_band"]["Prefer not to say"].hidden
    assert rows["ethnicity"]["Prefer not to say"].hidden
    for question in rows.values():
        assert all(s.hidden or not 0 < s.value < 5 for s in question.values())


def test_a_region_view_is_always_its_row_of_the_whole_table(planted, regions):
    whole = figures.report(Filters())
    for region in whole["regions"]:
        alone = figures.report(Filters(region=region))
        for key, figure in whole["counts"].items():
            row = next(r for r in figure["by_region"] if r["key"] == region.pk)
            assert alone["counts"][key]["total"] == row["shown"], (key, region.name)


def _views(report, key, region_key=None):
    """A figure's shown numbers in one report: its total and each month's."""
    figure = report["counts"].get(key)
    if figure is None:
        return {}
    numbers = {"total": figure["total"]}
    numbers.update({row["key"]: row["shown"] for row in figure["by_month"]})
    return numbers


@pytest.mark.parametrize("key", ["enquiries", "attendance", "co_led_events"])
def test_the_whole_programme_minus_the_other_strands_never_gives_a_small_one(
    planted, regions, key
):
    """Every row of these figures is in exactly one strand (the fixture's enquiries are
    all about coaching or networks), so the whole programme's number minus every other
    strand's shown number would be the hidden strand's, unless it too is hidden."""
    region_choices = [None, planted, *regions.values()]
    for region in region_choices:
        whole = _views(figures.report(Filters(region=region)), key)
        strands = {
            strand: _views(figures.report(Filters(region=region, strand=strand)), key)
            for strand in STRANDS
        }
        strands = {name: views for name, views in strands.items() if views}
        for place, total in whole.items():
            for name, views in strands.items():
                hidden = views.get(place)
                if hidden is None or not hidden.hidden:
                    continue
                others = [v.get(place) for other, v in strands.items() if other != name]
                if total.hidden or any(o is not None and o.hidden for o in others):
                    continue
                rest = sum(o.value for o in others if o is not None)
                assert not 0 < total.value - rest < 5, (key, region, place, name)
