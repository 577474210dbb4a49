"""The development mailbox (`make run` only): every email the site sends is delivered at
once into a folder of `.eml` files, and `/dev/mail/` shows them newest first.

A newcomer trying the demo has no mail server and no outbox worker, so without this most
messages would sit in the outbox unseen (invitations, sign-in codes, co-chair notices).
Production settings leave `DEV_MAILBOX_DIR` unset: then nothing here is connected and the
route does not exist.
"""

import time
import uuid
from email import message_from_bytes, policy
from email.utils import parsedate_to_datetime
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.core.paginator import Paginator
from django.db import transaction
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from post_office.models import STATUS, Email
from post_office.signals import email_queued


def mailbox_dir():
    return Path(settings.DEV_MAILBOX_DIR)


class MailboxBackend(BaseEmailBackend):
    """Django mail backend that files each message, one `.eml` file per message."""

    def send_messages(self, email_messages):
        folder = mailbox_dir()
        folder.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            name = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}.eml"
            (folder / name).write_bytes(message.message().as_bytes())
        return len(email_messages)


def _deliver_queued():
    for email in Email.objects.filter(status=STATUS.queued).order_by("pk"):
        email.dispatch()


def deliver_at_once(sender, emails, **kwargs):
    """Send what was just queued as soon as the transaction that queued it commits."""
    transaction.on_commit(_deliver_queued)


def connect():
    if getattr(settings, "DEV_MAILBOX_DIR", None):
        email_queued.connect(deliver_at_once, dispatch_uid="voices-dev-mailbox")


def _text_of(message):
    part = message.get_body(preferencelist=("plain", "html"))
    return part.get_content() if part is not None else ""


def read(path):
    """One filed message as what the mailbox page shows."""
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    try:
        sent = parsedate_to_datetime(message["Date"])
    except (TypeError, ValueError):
        sent = None
    return {
        "id": path.stem,
        "subject": str(message["Subject"] or "(no subject)"),
        "sender": str(message["From"] or ""),
        "to": str(message["To"] or ""),
        "cc": str(message["Cc"] or ""),
        "sent": sent,
        "text": _text_of(message),
    }


def messages():
    """The filed messages' paths, newest first (names start with a time stamp)."""
    folder = mailbox_dir()
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.eml"), reverse=True)


@never_cache  # new mail must show at once, never an anonymous visitor's cached copy
@require_safe
def mailbox_view(request):
    """/dev/mail/: every message the site sent, newest first, 20 to a page."""
    page = Paginator(messages(), 20).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "website/dev_mail.html",
        {"page": page, "mail": [read(path) for path in page.object_list]},
    )
