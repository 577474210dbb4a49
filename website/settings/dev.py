"""Local development (`make run`): debug on, mail printed to the console at once."""

from .base import *  # noqa: F403
from .base import POST_OFFICE, env

DEBUG = True
SECRET_KEY = (
    env.get("SECRET_KEY") or "dev-only-not-secret-0f5c1a7e9d2b4c68a3e1f7b9d0c2e4a6"
)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

POST_OFFICE = {
    **POST_OFFICE,
    "BACKENDS": {"default": "django.core.mail.backends.console.EmailBackend"},
    # Dev has no worker running, so send as soon as mail is queued.
    "DEFAULT_PRIORITY": "now",
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
