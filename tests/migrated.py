"""One migrated database per set of migrations, shared by every test process.

Applying every migration takes the better part of a minute, and each pass of the suite (the
parallel workers, the serial pass, the browser site, the production probes, then the same
on PostgreSQL) used to pay it. Now the first process to need it builds a migrated database
with `manage.py migrate`, under a file lock and named by a hash of the migration files and
the pinned requirements; the others copy it. Django's own `migrate` still runs on every
copy and finds nothing to do, so a stale copy could only cost time, never hide a migration.
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

import psycopg2
from filelock import FileLock

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(tempfile.gettempdir()) / "voices-migrated"
SKIP = {".venv", "node_modules", "staticfiles", "media", ".git"}


def migrations_key():
    """A hash of everything that decides the migrated schema and its rows."""
    digest = hashlib.sha256()
    files = sorted(
        path
        for path in ROOT.rglob("migrations/*.py")
        if not SKIP.intersection(path.relative_to(ROOT).parts)
    )
    for path in [*files, ROOT / "requirements.txt"]:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _migrate(database_url, settings="website.settings.test"):
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))
    }
    env.update({"DJANGO_SETTINGS_MODULE": settings, "DATABASE_URL": database_url})
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
    )


def sqlite_file():
    """The path of a migrated SQLite file for today's migrations (build it if missing).
    Copy it; never open it for writing."""
    CACHE.mkdir(exist_ok=True)
    key = migrations_key()
    path = CACHE / f"{key}.sqlite3"
    with FileLock(str(CACHE / f"{key}.lock")):
        if not path.exists():
            partial = CACHE / f"{key}.{os.getpid()}.partial"
            partial.unlink(missing_ok=True)
            _migrate(f"sqlite:///{partial}")
            partial.replace(path)
    return path


def copy_sqlite(target):
    """A migrated SQLite file at `target`, ready for Django to open."""
    shutil.copyfile(sqlite_file(), target)
    return target


def fill_memory_database(name):
    """Load the migrated copy into the shared in-memory database `name` before Django opens
    it. The returned connection keeps that database alive until Django holds it too."""
    keeper = sqlite3.connect(name, uri=True)
    source = sqlite3.connect(f"file:{sqlite_file()}?mode=ro", uri=True)
    try:
        source.backup(keeper)
    finally:
        source.close()
    return keeper


def postgres_template(settings_dict):
    """The name of a migrated PostgreSQL database on the test server, made once per set of
    migrations, for Django to copy as each test database's TEMPLATE."""
    key = migrations_key()
    name = f"voices_migrated_{key}"
    server = {
        "host": settings_dict.get("HOST") or "localhost",
        "port": settings_dict.get("PORT") or 5432,
        "user": settings_dict.get("USER"),
        "password": settings_dict.get("PASSWORD"),
    }
    CACHE.mkdir(exist_ok=True)
    lock = CACHE / f"pg-{server['host']}-{server['port']}-{key}.lock"
    with FileLock(str(lock)):
        db = psycopg2.connect(dbname="postgres", **server)
        db.autocommit = True
        try:
            with db.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
                if cursor.fetchone():
                    return name
                partial = f"{name}_partial"
                cursor.execute(f'DROP DATABASE IF EXISTS "{partial}"')
                cursor.execute(f'CREATE DATABASE "{partial}"')
                user = quote(server["user"] or "", safe="")
                password = quote(server["password"] or "", safe="")
                address = f"{server['host']}:{server['port']}"
                _migrate(f"postgres://{user}:{password}@{address}/{partial}")
                cursor.execute(f'ALTER DATABASE "{partial}" RENAME TO "{name}"')
        finally:
            db.close()
    return name


def shared_folder(tmp_path_factory):
    """This test run's temporary folder that all of pytest-xdist's workers share (their
    own folders sit inside it); the run's own folder when there are no workers."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
