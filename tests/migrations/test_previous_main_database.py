"""A database built by the previous `main` keeps every row when today's migrations run.

`data/previous_main.sqlite3.gz` is the SQLite database (gzipped) that the release before the
shared core made: `load_demo`, a small `seed_volume` (40 news articles, 40 opportunities,
60 members, 150 enquiries) and one row in each feature table the demo left empty
(enquiry notes, co-chairs' enquiry notes, meeting registrations, update revisions, an
opportunity alert), made by commit e63b384 checked out in a git worktree. The test
restores it to a file, runs `manage.py migrate` on it in its own process, and compares
the tables row by row.

`data/main_before_network_events.sqlite3.gz` is the database `main` made just before
network meetings became events (commit cf1db30): `load_demo`, then a past meeting with two
places and a waiting-list spot (one sharing access needs, one with a place summary longer
than an event's venue name), a cancelled registration, and a meeting of another network
with the same title and date as a West Midlands one.

`data/main_before_coaching_ledger.sqlite3.gz` is the database `main` made just before
coaching's expense claims moved into the payments ledger (commit 29cf7e3): `load_demo`,
then three more claims for one active pairing, so there is one at every stage (sent,
approved, paid, not approved), one with a description that looks like a formula and one
with no session payment.

The only rows allowed to leave their table are the three history tables that moved into
`website_activity`, network meetings and their registrations, which became events and
bookings, and coaching's expense claims, which became ledger claims; each of their rows
must arrive. Every other row keeps its key and the value of
every column it had before.
"""

import gzip
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).with_name("data")
# Each dump, and the tables it must hold rows in (an emptied dump would pass everything).
DUMPS = {
    "before-shared-core": (
        "previous_main.sqlite3.gz",
        (
            "members_enquiry",
            "members_user",
            "members_pairing",
            "networks_meetingregistration",
            "networks_networkenquirynote",
            "networks_cochairupdaterevision",
            "members_enquiryevent",
            "members_intereststatuschange",
            "members_pairingevent",
        ),
    ),
    "before-network-events": (
        "main_before_network_events.sqlite3.gz",
        (
            "networks_meeting",
            "networks_meetingregistration",
            "members_event",
            "members_eventbooking",
            "website_activity",
        ),
    ),
    "before-coaching-ledger": (
        "main_before_coaching_ledger.sqlite3.gz",
        ("members_expenseclaim", "members_claim", "website_activity"),
    ),
}

# Old history table → the content type its rows are about now, and the column naming it.
MOVED_INTO_ACTIVITY = {
    "members_enquiryevent": (("members", "enquiry"), "enquiry_id"),
    "members_intereststatuschange": (("members", "expressionofinterest"), "interest_id"),
    "members_pairingevent": (("members", "pairing"), "pairing_id"),
}
# Meetings became events of their network, registrations bookings (networks 0006).
MOVED_INTO_EVENTS = {"networks_meeting", "networks_meetingregistration"}
FORMATS = {"online": "online", "in_person": "in_person", "hybrid": "both"}
# Coaching's expense claims became ledger claims (members 0029).
MOVED_INTO_LEDGER = {"members_expenseclaim"}
REPOINTED = {"content_type_id", "object_id", "from_state", "to_state"}
LEDGER_STATUS = {
    "submitted": "submitted",
    "approved": "approved",
    "paid": "paid",
    "rejected": "returned",
}
# Rows Django and Wagtail rewrite themselves on migrate: which migrations ran, and caches.
BOOKKEEPING = {"django_migrations", "voices_cache"}


def _history_about(tables, model):
    """The keys of activity rows about `model` (app label, model name) in a snapshot."""
    types = {
        (row["app_label"], row["model"]): key
        for key, row in tables.get("django_content_type", {}).items()
    }
    if model not in types:
        return set()
    return {
        key
        for key, row in tables.get("website_activity", {}).items()
        if row["content_type_id"] == types[model]
    }


def restore(path, name):
    with gzip.open(DATA / name, "rb") as dump:
        path.write_bytes(dump.read())


def snapshot(path):
    """{table: {key: {column: value}}}, keyed by `id` where the table has one."""
    connection = sqlite3.connect(path)
    tables = {}
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for name in names:
        cursor = connection.execute(f'SELECT * FROM "{name}"')
        columns = [column[0] for column in cursor.description]
        rows = {}
        for values in cursor:
            row = dict(zip(columns, values, strict=True))
            # By primary key; else by every value, in column order by name (SQLite
            # rebuilds a table with an altered column last, which is no change of data).
            if "id" in row or "page_ptr_id" in row:
                key = row.get("id", row.get("page_ptr_id"))
            else:
                key = tuple(value for _column, value in sorted(row.items()))
            rows[key] = row
        tables[name] = rows
    connection.close()
    return tables


def migrate(path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        "DATABASE_URL": f"sqlite:///{path}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture(scope="module", params=sorted(DUMPS))
def before_and_after(request, tmp_path_factory):
    name, _ = DUMPS[request.param]
    path = tmp_path_factory.mktemp(request.param) / "previous-main.sqlite3"
    restore(path, name)
    before = snapshot(path)
    migrate(path)
    return before, snapshot(path), request.param


@pytest.mark.isolated
def test_the_dump_holds_the_data_it_claims(before_and_after):
    """A guard on the fixture itself: an emptied dump would make the other tests pass."""
    before, _, dump = before_and_after
    for table in DUMPS[dump][1]:
        assert before.get(table), f"{table} is empty in the dump"
    if dump == "before-shared-core":
        assert "website_activity" not in before or not before["website_activity"]


@pytest.mark.isolated
def test_every_row_keeps_its_key_and_values(before_and_after):
    before, after, _ = before_and_after
    lost = []
    changed = []
    moved_history = _history_about(before, ("members", "expenseclaim"))
    for table, rows in before.items():
        if table in (
            MOVED_INTO_ACTIVITY.keys() | MOVED_INTO_EVENTS | MOVED_INTO_LEDGER | BOOKKEEPING
        ):
            continue
        if table not in after:
            lost.append(f"{table}: the whole table ({len(rows)} rows)")
            continue
        for key, row in rows.items():
            now = after[table].get(key)
            if now is None:
                lost.append(f"{table} row {key}")
                continue
            for column, value in row.items():
                if table == "website_activity" and key in moved_history:
                    if column in REPOINTED:
                        continue  # checked by the ledger test below
                if column in now and now[column] != value:
                    changed.append(f"{table} row {key}: {column} {value!r} → {now[column]!r}")
    assert not lost, "Rows lost:\n" + "\n".join(lost[:20])
    assert not changed, "Values changed:\n" + "\n".join(changed[:20])


@pytest.mark.isolated
def test_each_history_row_arrives_in_activity(before_and_after):
    """Each old history row is an activity row about the same record at the same moment."""
    before, after, dump = before_and_after
    if dump != "before-shared-core":
        pytest.skip("this dump was made after the history tables had moved")
    content_types = {
        (row["app_label"], row["model"]): key
        for key, row in after["django_content_type"].items()
    }
    activity = after["website_activity"].values()
    for table, (model, owner) in MOVED_INTO_ACTIVITY.items():
        assert table not in after, f"{table} should have moved into website_activity"
        content_type = content_types[model]
        arrived = Counter(
            (row["object_id"], row["created_at"])
            for row in activity
            if row["content_type_id"] == content_type
        )
        expected = Counter(
            (row[owner], row["created_at"]) for row in before[table].values()
        )
        missing = expected - arrived
        assert not missing, f"{table} rows not in activity: {sorted(missing)[:10]}"


@pytest.mark.isolated
def test_each_network_meeting_is_an_event_of_its_network(before_and_after):
    """Every meeting arrives as one event of the same network, with what members were told
    about it; every registration as a booking of that event, for the same person, with
    the same status, access needs and place in the queue."""
    before, after, _ = before_and_after
    if "networks_meeting" not in before:
        pytest.skip("this dump was made after meetings had become events")
    for table in MOVED_INTO_EVENTS:
        assert table not in after, f"{table} should have become events and bookings"
    links = {
        row["former_meeting_id"]: row
        for row in after["networks_networkevent"].values()
        if row["former_meeting_id"] is not None
    }
    events = after["members_event"]
    meetings = before["networks_meeting"]
    assert sorted(links) == sorted(meetings)
    slugs = [events[link["event_id"]]["slug"] for link in links.values()]
    assert len(set(slugs)) == len(slugs), "two meetings were given the same address"
    for pk, meeting in meetings.items():
        link = links[pk]
        event = events[link["event_id"]]
        assert link["network_id"] == meeting["network_id"]
        assert link["added_by_id"] == meeting["created_by_id"]
        place = meeting["place_summary"]
        assert (event["venue_name"], event["venue_address"]) == (
            place[:150],
            place if len(place) > 150 else "",
        )
        assert {
            "title": event["title"],
            "starts_at": event["starts_at"],
            "ends_at": event["ends_at"],
            "format": event["format"],
            "joining_details": event["joining_details"],
            "access_notes": event["access_notes"],
            "capacity": event["capacity"],
            "kind": event["kind"],
            "audience": event["audience"],
            "status": event["status"],
        } == {
            "title": meeting["title"],
            "starts_at": meeting["starts_at"],
            "ends_at": meeting["ends_at"],
            "format": FORMATS[meeting["format"]],
            "joining_details": meeting["joining_details"],
            "access_notes": meeting["accessibility"],
            "capacity": meeting["places"],
            "kind": "network_meeting",
            "audience": "network",
            "status": "scheduled",
        }
    bookings = Counter(
        (
            row["event_id"],
            row["user_id"],
            row["status"],
            row["access_needs"],
            row["created_at"],
        )
        for row in after["members_eventbooking"].values()
    )
    registrations = Counter(
        (
            links[row["meeting_id"]]["event_id"],
            row["user_id"],
            row["status"],
            row.get("access_needs", ""),  # before 0004 nobody could share any
            row["created_at"],
        )
        for row in before["networks_meetingregistration"].values()
    )
    missing = registrations - bookings
    assert not missing, f"registrations not booked: {sorted(missing)[:10]}"


@pytest.mark.isolated
def test_each_coaching_claim_is_a_ledger_claim_with_its_money_and_history(
    before_and_after,
):
    """Every expense claim arrives as one claim for its session, for the same partner, at
    the matching stage, with the same payment and expenses to the penny; its history
    lines now belong to the ledger claim."""
    before, after, _ = before_and_after
    old_claims = before.get("members_expenseclaim", {})
    if not old_claims:
        pytest.skip("this dump holds no coaching claims")
    assert "members_expenseclaim" not in after
    claims = {
        row["source"]: row
        for row in after["members_claim"].values()
        if row["source"].startswith("coaching-session:")
    }
    lines = after["members_claimline"].values()
    types = {
        (row["app_label"], row["model"]): key
        for key, row in after["django_content_type"].items()
    }
    history = Counter(
        (row["object_id"], row["created_at"])
        for row in after["website_activity"].values()
        if row["content_type_id"] == types[("members", "claim")]
    )
    old_type = {
        (row["app_label"], row["model"]): key
        for key, row in before["django_content_type"].items()
    }.get(("members", "expenseclaim"))
    for old in old_claims.values():
        claim = claims[f"coaching-session:{old['session_id']}"]
        assert claim["person_id"] == old["partner_id"]
        assert claim["status"] == LEDGER_STATUS[old["status"]]
        assert claim["involvement"] == "coaching_session"
        assert claim["approved_by_id"] == (
            old["decided_by_id"] if old["status"] in ("approved", "paid") else None
        )
        if old["status"] == "rejected":
            assert claim["returned_reason"].startswith("Not approved")
        assert (claim["paid_on"] is not None) == (old["paid_at"] is not None)
        mine = [line for line in lines if line["claim_id"] == claim["id"]]
        fees = sum(Decimal(str(line["amount"])) for line in mine if line["kind"] == "fee")
        spent = [line for line in mine if line["kind"] == "expense"]
        assert fees == Decimal(str(old["payment"]))
        assert sum(Decimal(str(line["amount"])) for line in spent) == Decimal(
            str(old["expenses"])
        )
        if old["expenses_description"]:
            assert [line["description"] for line in spent] == [
                old["expenses_description"]
            ]
        moved = Counter(
            (claim["id"], row["created_at"])
            for row in before.get("website_activity", {}).values()
            if row["content_type_id"] == old_type and row["object_id"] == old["id"]
        )
        assert not moved - history, f"history of expense claim {old['id']} was lost"
