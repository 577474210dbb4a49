"""The impact figures against the known fixture (tests/members/impact/conftest.py),
exactly: what is shown and what reads "fewer than 5" or "not shown"."""

import datetime

import pytest

from members.impact import figures
from members.impact.figures import Filters
from members.impact.suppression import FEWER, WITHHELD_TEXT

pytestmark = pytest.mark.django_db


def texts(figure):
    return (
        figure["total"].text,
        {row["label"]: row["shown"].text for row in figure["by_month"]},
        {
            row["label"]: row["shown"].text
            for row in figure["by_region"]
            if row["shown"].value != 0
        },
    )


def test_the_whole_programme_matches_the_fixture(programme):
    counts = figures.report(Filters())["counts"]
    assert texts(counts["enquiries"]) == (
        "31",
        {"March 2026": "12", "April 2026": "19"},
        {"West Midlands": "23", "London": WITHHELD_TEXT, "North East": FEWER},
    )
    # One London pairing: hidden, and the West Midlands' 6 with it (7 - 6 would give it).
    assert texts(counts["pairings"]) == (
        "7",
        {"March 2026": WITHHELD_TEXT, "April 2026": FEWER},
        {"West Midlands": WITHHELD_TEXT, "London": FEWER},
    )
    assert texts(counts["coaching_sessions"]) == (
        "7",
        {"April 2026": "7"},
        {"West Midlands": "7"},
    )
    assert texts(counts["events"])[0] == "5"
    assert texts(counts["attendance"])[0] == "6"
    assert texts(counts["members_active"]) == (
        "7",
        {"April 2026": "7"},
        {"West Midlands": "7"},
    )
    assert counts["co_led_events"]["total"].text == FEWER
    assert counts["set_leaders"]["total"].text == "0"
    assert counts["networks"]["total"].text == FEWER  # through networks' registry
    assert counts["you_said_raised"]["total"].text == "0"


def test_a_region_shows_its_own_row_of_the_same_protected_table(programme, regions):
    counts = figures.report(Filters(region=regions["west-midlands"]))["counts"]
    assert texts(counts["enquiries"]) == (
        "23",
        {"March 2026": "12", "April 2026": "11"},
        {},
    )
    assert counts["pairings"]["total"].text == WITHHELD_TEXT
    london = figures.report(Filters(region=regions["london"]))["counts"]
    assert london["enquiries"]["total"].text == WITHHELD_TEXT
    assert london["pairings"]["total"].text == FEWER
    north_east = figures.report(Filters(region=regions["north-east"]))["counts"]
    assert north_east["enquiries"]["total"].text == FEWER
    assert {r["shown"].text for r in north_east["enquiries"]["by_month"]} == {FEWER}


def test_a_date_range_counts_only_what_fell_inside_it(programme):
    april = Filters(start=datetime.date(2026, 4, 1), end=datetime.date(2026, 4, 30))
    counts = figures.report(april)["counts"]
    assert texts(counts["enquiries"]) == (
        "19",
        {"April 2026": "19"},
        {"West Midlands": "11", "London": WITHHELD_TEXT, "North East": FEWER},
    )
    march = Filters(end=datetime.date(2026, 3, 31))
    assert figures.report(march)["counts"]["enquiries"]["total"].text == "12"


def test_a_strand_counts_only_its_own_work(programme):
    networks = figures.report(Filters(strand="networks"))["counts"]
    assert networks["enquiries"]["total"].text == FEWER  # the 3 about networks
    assert "pairings" not in networks and "coaching_sessions" not in networks
    coaching = figures.report(Filters(strand="coaching"))["counts"]
    # The other 28 are about coaching: shown beside the whole programme's 31 (or April's
    # 16 beside April's 19), they would give the 3 about networks away. March has none
    # about networks, so its 12 stays.
    assert coaching["enquiries"]["total"].text == WITHHELD_TEXT
    assert {r["label"]: r["shown"].text for r in coaching["enquiries"]["by_month"]} == {
        "March 2026": "12",
        "April 2026": WITHHELD_TEXT,
    }
    # Pairings are all coaching: the strand's figures are the whole programme's.
    assert coaching["pairings"]["total"].text == "7"
    assert "events" not in coaching and "set_leaders" not in coaching


def test_who_is_in_the_room_matches_the_fixture(programme):
    who = figures.report(Filters())["who"]
    assert (who["people"].text, who["answered"].text, who["declined"].text) == (
        "17",
        "12",
        "5",
    )
    age = {q["key"]: q for q in who["questions"]}["age_band"]
    shown = {row["label"]: row["shown"].text for row in age["rows"]}
    assert shown["45 to 54"] == "5"
    assert shown["55 to 64"] == FEWER
    assert shown["Under 25"] == WITHHELD_TEXT  # else 12 - 5 - 5 would give the 2 away
    ethnicity = {q["key"]: q for q in who["questions"]}["ethnicity"]
    shown = {row["label"]: row["shown"].text for row in ethnicity["rows"]}
    assert shown["White"] == "6" and shown["Asian or Asian British"] == FEWER
    # Only two regions answered: showing either would give the other away.
    by_region = {r["label"]: r["shown"].text for r in who["by_region"]}
    assert by_region["London"] == "5"  # the 5 who chose not to answer
    assert by_region["North East"] == by_region["West Midlands"] == WITHHELD_TEXT


def test_consented_quotes_only_and_never_a_name(programme):
    quotes = figures.report(Filters())["quotes"]
    assert [q["what_changed"] for q in quotes] == [
        "I now plan with carers from the start."
    ]
    assert all("author" not in q and "name" not in q for q in quotes)


def test_headline_figures_for_the_public_block_are_protected_too(programme):
    shown = {f["key"]: f["shown"].text for f in figures.headline()}
    assert shown == {
        "partners_involved": "0",
        "pairings": "7",
        "coaching_sessions": "7",
        "events": "5",
        "you_said_raised": "0",
        "you_said_changed": "0",
    }


def test_one_headline_figure_at_a_time_for_the_public_block(programme):
    labels = dict(figures.headline_labels())
    assert labels["pairings"] == "Leaders coached one to one"
    assert figures.headline_value("pairings") == "7"
    assert figures.headline_value("you_said_changed") == "0"
    assert figures.headline_value("no_such_figure") == ""
