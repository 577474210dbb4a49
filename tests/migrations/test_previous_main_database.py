"""A database built by the previous `main` keeps every row when today's migrations run.

`data/previous_main.sqlite3.gz` is the SQLite database (gzipped) that the release before the
shared core made: `load_demo`, a small `seed_volume` (40 news articles, 40 opportunities,
60 members, 150 enquiries) and one row in each feature table the demo left empty
(enquiry notes, co-chairs' enquiry notes, meeting registrations, update revisions, an
opportunity alert), made by commit e63b384 checked out in a git worktree. The test
restores it to a file, runs `manage.py migrate` on it in its own process, and compares
the tables row by row.

The only rows allowed to leave their table are the three history tables that moved into
`website_activity`; each of their rows must arrive there. Every other row keeps its key and
the value of every column it had before.
"""

import gzip
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DUMP = Path(__file__).with_name("data") / "previous_main.sqlite3.gz"

# Old history table → the content type its rows are about now, and the column naming it.
MOVED_INTO_ACTIVITY = {
    "members_enquiryevent": (("members", "enquiry"), "enquiry_id"),
    "members_intereststatuschange": (("members", "expressionofinterest"), "interest_id"),
    "members_pairingevent": (("members", "pairing"), "pairing_id"),
}
# Rows Django and Wagtail rewrite themselves on migrate: which migrations ran, and caches.
BOOKKEEPING = {"django_migrations", "voices_cache"}


def restore(path):
    with gzip.open(DUMP, "rb") as dump:
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
            key = row["id"] if "id" in row else tuple(values)
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


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory):
    path = tmp_path_factory.mktemp("previous-main") / "previous-main.sqlite3"
    restore(path)
    before = snapshot(path)
    migrate(path)
    return before, snapshot(path)


@pytest.mark.isolated
def test_the_dump_holds_the_data_it_claims(before_and_after):
    """A guard on the fixture itself: an emptied dump would make the other tests pass."""
    before, _ = before_and_after
    for table in (
        "members_enquiry",
        "members_user",
        "members_pairing",
        "networks_meetingregistration",
        "networks_networkenquirynote",
        "networks_cochairupdaterevision",
        *MOVED_INTO_ACTIVITY,
    ):
        assert before[table], f"{table} is empty in the dump"
    assert "website_activity" not in before or not before["website_activity"]


@pytest.mark.isolated
def test_every_row_keeps_its_key_and_values(before_and_after):
    before, after = before_and_after
    lost = []
    changed = []
    for table, rows in before.items():
        if table in MOVED_INTO_ACTIVITY or table in BOOKKEEPING:
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
                if column in now and now[column] != value:
                    changed.append(f"{table} row {key}: {column} {value!r} → {now[column]!r}")
    assert not lost, "Rows lost:\n" + "\n".join(lost[:20])
    assert not changed, "Values changed:\n" + "\n".join(changed[:20])


@pytest.mark.isolated
def test_each_history_row_arrives_in_activity(before_and_after):
    """Each old history row is an activity row about the same record at the same moment."""
    before, after = before_and_after
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
