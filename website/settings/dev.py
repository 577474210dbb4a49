"""Local development (`make run`): debug on, every email delivered at once to the development
mailbox (/dev/mail/); links use the port actually served (SITE_URL in base.py reads PORT)."""

from .base import *  # noqa: F403
from .base import BASE_DIR, POST_OFFICE, env

DEBUG = True
SECRET_KEY = (
    env.get("SECRET_KEY") or "dev-only-not-secret-0f5c1a7e9d2b4c68a3e1f7b9d0c2e4a6"
)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

# Dev has no outbox worker: website.devmail delivers each message once its transaction
# commits, into a folder the newcomer reads at /dev/mail/.
DEV_MAILBOX_DIR = env.get("DEV_MAILBOX_DIR") or str(BASE_DIR / "var" / "mail")
POST_OFFICE = {
    **POST_OFFICE,
    "BACKENDS": {"default": "website.devmail.MailboxBackend"},
    "DEFAULT_PRIORITY": "now",
}
# Texts go to the console, sent as each transaction commits (there is no worker either).
SMS_SENDER = env.get("SMS_SENDER") or "website.sms.ConsoleSender"
SMS_DELIVER_AT_ONCE = True
# `make run` starts no task worker, so Wagtail's tasks (search index, reference index, file
# clean-up) run at once in the request, as its mail is delivered at once: a newcomer needs one
# process and sees a published page in search straight away. `make serve` queues them.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
