"""Enquiry references are sequential per year and unique when many leaders submit at once.

SQLite's in-memory test database cannot show writer contention, so the SQLite check runs the
real service from threads in a subprocess against a file database. On PostgreSQL (CI sets
DATABASE_URL) the threads run in-process against the test database.
"""

import json
import os
import re
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
from django.db import connection

from members.enquiries.services import next_reference, submit_enquiry
from members.models import Enquiry
from tests import migrated

ROOT = Path(__file__).resolve().parents[3]
THREADS = 8
PER_THREAD = 6

DATA = {
    "full_name": "Load Test",
    "email": "load@example.org",
    "job_title": "Director",
    "organisation": "Example",
    "organisation_type": "other",
    "enquiry_type": "other",
    "message": "Concurrent enquiry",
    "consent": True,
}

SCRIPT = f"""
import json, threading, uuid
import django
django.setup()
from django.core.management import call_command
from django.db import connection
call_command("migrate", verbosity=0)
from members.enquiries.services import submit_enquiry
data = {DATA!r}
references, errors = [], []
def worker():
    try:
        for _ in range({PER_THREAD}):
            enquiry, created = submit_enquiry(None, data, uuid.uuid4())
            references.append(enquiry.reference)
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()
threads = [threading.Thread(target=worker) for _ in range({THREADS})]
for thread in threads: thread.start()
for thread in threads: thread.join()
print(json.dumps({{"references": references, "errors": errors}}))
"""


def assert_sequential(references, total):
    assert len(references) == total
    assert len(set(references)) == total
    numbers = sorted(int(ref.rsplit("-", 1)[1]) for ref in references)
    assert numbers == list(range(1, total + 1))
    assert all(re.fullmatch(r"ENQ-\d{4}-\d{5}", ref) for ref in references)


def test_reference_format_and_sequence(db):
    first = next_reference(year=2026)
    second = next_reference(year=2026)
    assert (first, second) == ("ENQ-2026-00001", "ENQ-2026-00002")
    assert next_reference(year=2027) == "ENQ-2027-00001"


def test_same_submission_token_gives_one_enquiry(db):
    token = uuid.uuid4()
    first, created = submit_enquiry(None, DATA, token)
    again, created_again = submit_enquiry(None, DATA, token)
    assert created and not created_again
    assert first.pk == again.pk
    assert Enquiry.objects.count() == 1


@pytest.mark.skipif(
    connection.vendor == "postgresql", reason="PostgreSQL runs the in-process test"
)
def test_concurrent_submissions_on_a_sqlite_file_get_unique_references(tmp_path):
    # The script's migrate finds the run's migrated copy up to date (tests/migrated.py).
    migrated.copy_sqlite(tmp_path / "concurrency.sqlite3")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'concurrency.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["errors"] == []
    assert_sequential(outcome["references"], THREADS * PER_THREAD)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs DATABASE_URL=postgres://…"
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_on_postgresql_get_unique_references():
    references, errors = [], []
    barrier = threading.Barrier(THREADS)

    def worker():
        try:
            barrier.wait()
            for _ in range(PER_THREAD):
                enquiry, _created = submit_enquiry(None, DATA, uuid.uuid4())
                references.append(enquiry.reference)
        except Exception as error:  # reported below with the test's assertion
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert_sequential(references, THREADS * PER_THREAD)
    assert Enquiry.objects.count() == THREADS * PER_THREAD
