"""Run a probe script against a fresh database under the real production settings.

The test settings differ from production on purpose, so the checklist's production checks
(HD-2, SE-4, HD-6, UP-3) run in a subprocess: collectstatic, the cache table and migrations
into a throwaway folder, then the probe, whose last line of output is JSON."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def outside_environment():
    """This process's environment without the test run's Django and pytest settings."""
    return {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))
    }


def run_probe(script, workdir, **settings):
    """The JSON `script` (a path under tests/security/) prints, run with production settings
    plus `settings` as environment variables."""
    env = outside_environment()
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "ALLOWED_HOSTS": "voices.example.org",
            "CSRF_TRUSTED_ORIGINS": "https://voices.example.org",
            "DATABASE_URL": f"sqlite:///{workdir / 'prod.sqlite3'}",
            "STATIC_ROOT": str(workdir / "static"),
            "PYTHONPATH": str(ROOT),
            **settings,
        }
    )
    env.pop("MEDIA_STORAGE_URL", None)
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
