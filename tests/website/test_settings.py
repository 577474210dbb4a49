"""Production settings fail fast and pass Django's deployment checklist."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.isolated
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "website.settings.production",
    "SECRET_KEY": "throwaway-" + "k3y" * 20,
    "ALLOWED_HOSTS": "voices.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://voices.example.org",
    "WAGTAILADMIN_BASE_URL": "https://voices.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


def manage(*args, env_overrides=None, drop=()):
    # Only what a deployment would have: none of the test run's own switches.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in PRODUCTION_ENV and not k.startswith(("DJANGO_", "PYTEST_"))
    }
    env.update(PRODUCTION_ENV)
    env.update(env_overrides or {})
    for name in drop:
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = manage("check", drop=["SECRET_KEY"])
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_refuses_empty_allowed_hosts():
    result = manage("check", env_overrides={"ALLOWED_HOSTS": " , "})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_database_url_names_the_variable():
    result = manage("check", env_overrides={"DATABASE_URL": "nonsense://who@where"})
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_boolean_names_the_variable():
    result = manage("check", env_overrides={"SECURE_SSL_REDIRECT": "perhaps"})
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT must be true or false" in result.stderr


def test_check_deploy_is_clean_with_documented_variables():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr


@pytest.mark.parametrize(
    "expression, expected",
    [
        ("settings.EMAIL_TIMEOUT", "10"),
        ("settings.DEBUG", "False"),
        ("settings.REQUIRE_STAFF_MFA", "True"),
        ("settings.WAGTAIL_PASSWORD_RESET_ENABLED", "False"),
        (
            "settings.CACHES['default']['BACKEND']",
            "django.core.cache.backends.db.DatabaseCache",
        ),
        ("settings.POST_OFFICE['DEFAULT_PRIORITY']", "medium"),
        ("settings.TASKS['default']['BACKEND']", "django_tasks_db.DatabaseBackend"),
        ("hasattr(settings, 'MFA_TOTP_INSECURE_BYPASS_CODE')", "False"),
    ],
)
def test_production_settings_values(expression, expected):
    result = manage(
        "shell", "-c", f"from django.conf import settings; print({expression})"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected


def test_redis_url_switches_cache_and_sessions():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE)",
        env_overrides={"REDIS_URL": "redis://127.0.0.1:6379/0"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == [
        "django.core.cache.backends.redis.RedisCache",
        "django.contrib.sessions.backends.cache",
    ]


def test_production_compiles_each_template_once_per_process():
    shown = manage(
        "shell",
        "-c",
        "from django.template import engines; "
        "print([type(x).__module__ for x in engines['django'].engine.template_loaders])",
    )
    assert shown.returncode == 0, shown.stderr
    # Django 5.2's shell first prints how many objects it imported; the answer is last.
    assert shown.stdout.strip().splitlines()[-1] == "['django.template.loaders.cached']"
