"""Read configuration from environment variables, failing with a message naming the variable."""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def get(name, default=""):
    return os.environ.get(name, default).strip()


def get_bool(name, default):
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def get_int(name, default):
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {raw!r}."
        ) from None


def get_list(name, default=()):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def require(name):
    value = get(name)
    if not value:
        raise ImproperlyConfigured(
            f"{name} is not set; production needs it (see the configuration table in README.md)."
        )
    return value


def database(default_url):
    url = get("DATABASE_URL") or default_url
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as exc:  # dj-database-url raises several types for bad URLs
        raise ImproperlyConfigured(
            f"DATABASE_URL is not a database URL we understand: {exc}"
        ) from None
    if not config.get("ENGINE"):
        raise ImproperlyConfigured("DATABASE_URL does not name a database engine.")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL and IMMEDIATE transactions let several processes write without "database is locked".
        # Connections persist like PostgreSQL's (CONN_MAX_AGE 60, health-checked): opening one
        # re-reads the whole schema, which cost a cached page most of its time (issue 11).
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    elif "postgresql" in config["ENGINE"]:
        config.setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    return config
