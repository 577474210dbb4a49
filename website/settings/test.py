"""The pytest suite: fast hashing, in-process cache, mail kept in memory and in the outbox table."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import POST_OFFICE, env

DEBUG = False
SECRET_KEY = "test-only-not-secret-7d1e3b5a9c2f4e6a8b0d1c3e5f7a9b2d"  # noqa: S105 - test settings only
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DATABASES = {"default": env.database("sqlite:///:memory:")}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The whole-page cache is off for the suite; tests/performance turns it on where it is tested.
ANONYMOUS_PAGE_CACHE_SECONDS = 0
# Every request reads the shared generation, as the suite did before processes kept it
# (tests/website/test_local_copies.py turns the kept copies on).
CACHE_GENERATION_RECHECK_SECONDS = 0
FRAGMENT_CACHE_SECONDS = env.get_int(
    "TEST_FRAGMENT_CACHE_SECONDS", 0
)  # likewise (tests/performance)
SESSION_ENGINE = "django.contrib.sessions.backends.db"
POST_OFFICE = {
    **POST_OFFICE,
    "BACKENDS": {"default": "django.core.mail.backends.locmem.EmailBackend"},
}
# Tasks run at once, as before the queue; tests/website/test_background_tasks.py switches to
# the database backend where the queue itself is tested.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
SITE_URL = "http://testserver"

# The browser journeys' server (tests/browser/conftest.py) keeps uploads on disk in its own
# MEDIA_ROOT, so the images `load_demo` draws in one process are served by the next.
if env.get_bool("BROWSER_TEST_SERVER", False):
    STORAGES = {
        **STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }

# One outbox lock per test process, so parallel runs on one machine never block each other.
OUTBOX_LOCK_FILE = str(Path(tempfile.gettempdir()) / f"voices-outbox-{os.getpid()}")
