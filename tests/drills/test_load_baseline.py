"""RL-9's runner judges the reconciliation of acknowledged submissions (scripts/load)."""

from scripts.drills.common import Summary
from scripts.load.baseline import reconcile


def checks_of(summary):
    return {name: (ok, detail) for name, ok, detail in summary.checks}


def test_rl9_reconcile_passes_when_each_acknowledged_marker_is_stored_once():
    summary = Summary("load-test")
    reconcile(summary, "enquiry", 3, {"a": "ENQ-1", "b": "ENQ-2"}, {"a": 1, "b": 1})
    checks = checks_of(summary)
    assert checks["every acknowledged enquiry is in the database"][0] is True
    assert checks["no enquiry stored twice"][0] is True
    assert summary.facts["enquiry submissions sent / acknowledged"] == "3 / 2"


def test_rl9_reconcile_fails_on_a_lost_or_doubled_submission():
    summary = Summary("load-test")
    reconcile(summary, "interest", 3, ["a", "b", "c"], {"a": 1, "b": 0, "c": 2})
    checks = checks_of(summary)
    ok, detail = checks["every acknowledged interest is in the database"]
    assert ok is False
    assert "2 of 3 found" in detail and "'b'" in detail
    ok, detail = checks["no interest stored twice"]
    assert ok is False
    assert detail == "c"
    assert summary.passed is False
