"""Run a probe script against a fresh database under the real production settings.

The test settings differ from production on purpose, so the checklist's production checks
(HD-2, SE-4, HD-6, UP-3) run in a subprocess: collectstatic, the cache table and migrations
into a throwaway folder (starting from the run's migrated copy, tests/migrated.py), then
the probe, whose last line of output is JSON. The static files and the migrated database
are made once per test run, shared by the probes (and by pytest's worker processes, under a
file lock); each probe gets its own copy of the database."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from filelock import FileLock

from tests import migrated

ROOT = Path(__file__).resolve().parents[2]


def outside_environment():
    """This process's environment without the test run's Django and pytest settings."""
    return {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))
    }


def _prepared(shared, env):
    """A folder holding collected static files and a migrated database, made by the first
    probe of this test run and reused by the others."""
    folder = shared / "production-prepared"
    with FileLock(str(shared / "production-prepared.lock")):
        if not (folder / "done").exists():
            folder.mkdir(exist_ok=True)
            env = {
                **env,
                "DATABASE_URL": f"sqlite:///{folder / 'prod.sqlite3'}",
                "STATIC_ROOT": str(folder / "static"),
            }
            migrated.copy_sqlite(folder / "prod.sqlite3")
            for command in (
                ["collectstatic", "--noinput", "-v0"],
                ["createcachetable"],
                ["migrate", "--noinput", "-v0"],
            ):
                subprocess.run(
                    [sys.executable, "manage.py", *command],
                    cwd=ROOT,
                    env=env,
                    check=True,
                    timeout=300,
                )
            (folder / "done").touch()
    return folder


def run_probe(script, workdir, shared, **settings):
    """The JSON `script` (a path under tests/security/) prints, run with production settings
    plus `settings` as environment variables. `shared` is a folder of this test run that
    every worker sees (`shared_folder`)."""
    env = outside_environment()
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "ALLOWED_HOSTS": "voices.example.org",
            "CSRF_TRUSTED_ORIGINS": "https://voices.example.org",
            "PYTHONPATH": str(ROOT),
            **settings,
        }
    )
    env.pop("MEDIA_STORAGE_URL", None)
    prepared = _prepared(shared, env)
    shutil.copyfile(prepared / "prod.sqlite3", workdir / "prod.sqlite3")
    env["DATABASE_URL"] = f"sqlite:///{workdir / 'prod.sqlite3'}"
    env["STATIC_ROOT"] = str(prepared / "static")
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests/security" / script)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
