"""The reliability drills' own helpers: parsing forms and judging responses (scripts/drills)."""

from scripts.drills.common import Summary, percentile
from scripts.drills.web import first_option, hidden_value, leaks_traceback

FORM = """
<form method="post">
  <input type="hidden" name="csrfmiddlewaretoken" value="abc&amp;123">
  <input type="hidden" value="tok:1:sig" name="form_token" id="id_form_token">
  <select name="region" id="id_region">
    <option value="" selected>Choose a region</option>
    <option value="7">West Midlands</option>
    <option value="9">London</option>
  </select>
  <input type="radio" name="organisation_type" value="icb" id="id_ot_0">
  <input type="radio" name="organisation_type" value="trust" id="id_ot_1">
</form>
"""


def test_hidden_value_reads_either_attribute_order_and_unescapes():
    assert hidden_value(FORM, "csrfmiddlewaretoken") == "abc&123"
    assert hidden_value(FORM, "form_token") == "tok:1:sig"
    assert hidden_value(FORM, "missing") == ""


def test_first_option_skips_the_empty_choice():
    assert first_option(FORM, "region") == "7"
    assert first_option(FORM, "organisation_type", radio=True) == "icb"
    assert first_option(FORM, "network") == ""


def test_percentile_is_nearest_rank():
    values = [float(n) for n in range(1, 101)]
    assert percentile(values, 0.95) == 95.0
    assert percentile(values, 0.5) == 50.0
    assert percentile([], 0.95) == 0.0
    assert percentile([0.2], 0.95) == 0.2


def test_leaks_traceback_spots_django_debug_output_only():
    assert leaks_traceback('Traceback (most recent call last):\n  File "/srv/x.py"')
    assert not leaks_traceback("<h1>Sorry, something went wrong</h1>")


def test_summary_fails_when_any_check_fails_or_none_ran(tmp_path, monkeypatch):
    monkeypatch.setattr("scripts.drills.common.RESULTS", tmp_path)
    empty = Summary("empty")
    assert empty.finish() == 1
    mixed = Summary("mixed")
    mixed.check("one", True)
    mixed.check("two", False, "why")
    assert mixed.finish() == 1
    good = Summary("good")
    good.check("one", True)
    assert good.finish() == 0
    assert (tmp_path / "good.json").exists()
