"""Production: fails fast on missing configuration, HTTPS only, mail sent by the outbox worker,
Wagtail's background tasks run by the task worker."""

from .base import *  # noqa: F403
from .base import ALLAUTH_TRUSTED_PROXY_COUNT, ALLOWED_HOSTS, env

SECRET_KEY = env.require("SECRET_KEY")
env.require("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is empty; list the site's host names, comma-separated."
    )

DEBUG = False
REQUIRE_STAFF_MFA = env.get_bool("REQUIRE_STAFF_MFA", True)

SECURE_SSL_REDIRECT = env.get_bool("SECURE_SSL_REDIRECT", True)
# X-Forwarded-Proto is believed only when a proxy in front of us sets it (HD-2): without
# one, any client could claim its plain-HTTP request was HTTPS.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if ALLAUTH_TRUSTED_PROXY_COUNT > 0 else None
)
SECURE_HSTS_SECONDS = env.get_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.get_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

# Background work (website/background.py): Wagtail's own tasks (search and reference index
# updates, CDN purges, deleting replaced image and document files) are queued in the database
# in the transaction that saved the page, and `manage.py db_worker` runs them beside gunicorn,
# so publishing never waits for them. Failed ones are retried by `retry_failed_tasks` (cron).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
