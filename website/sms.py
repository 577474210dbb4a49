"""Text messages (SMS): a second channel beside email, off unless a sender is configured.

`notify` adds a text for an event registered with ``channels=("email", "sms")`` when the
recipient asked for texts: the app that owns the person's preferences tells the core their
number with `set_number_lookup` (members.accounts registers the profile's mobile number when
"Text messages" is ticked). Texts are queued in `TextMessage` inside the caller's transaction,
like email, and the outbox worker (`run_outbox_worker`) delivers them through the sender.

The sender is a class named by ``SMS_SENDER`` with one method, ``send(to, text)``, that
raises `SendError` when the provider refuses. `ConsoleSender` (development) writes texts to
the log; `MemorySender` keeps them in a list for tests. No provider is called in tests.
"""

import logging
import re

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from website.models import TextMessage

logger = logging.getLogger(__name__)

MOST_ATTEMPTS = 3
LONGEST = 480  # three SMS segments
BATCH = 50  # a provider call each: keep the locked batch short


class SendError(Exception):
    """The provider did not take the text; the worker tries again later."""


class ConsoleSender:
    """Development: the text goes to the log (the `runserver` console)."""

    def send(self, to, text):
        logger.warning("Text message to %s:\n%s", to, text)


class MemorySender:
    """Tests: texts are kept in `MemorySender.sent` as (to, text) pairs."""

    sent = []

    def send(self, to, text):
        self.sent.append((to, text))


def enabled():
    return bool(getattr(settings, "SMS_SENDER", ""))


def sender():
    return import_string(settings.SMS_SENDER)()


# UK mobiles: 07… nationally, +447… or 00447… internationally; spaces, dashes and
# brackets are ignored.
_MOBILE = re.compile(r"(?:\+44|0044|44|0)(7\d{9})")


def mobile_number(text):
    """The number as +447…, or None if it is not a UK mobile number."""
    digits = re.sub(r"[\s\-().]", "", text or "")
    match = _MOBILE.fullmatch(digits)
    return f"+44{match.group(1)}" if match else None


_number_lookup = None


def set_number_lookup(function):
    """`function(user) -> str or None`: the mobile number to text, if they asked for texts.
    It must not query the database when the caller has already loaded what it reads."""
    global _number_lookup  # noqa: PLW0603 - one lookup, registered at start-up
    _number_lookup = function


def number_for(user):
    if user is None or _number_lookup is None or not enabled():
        return None
    return mobile_number(_number_lookup(user))


def message(to, text, about=""):
    """A text for `queue_many`; long texts are cut to three segments."""
    text = " ".join(text.split())
    if len(text) > LONGEST:
        text = text[: LONGEST - 1].rstrip() + "…"
    return TextMessage(to=to, text=text, about=about[:100])


def queue_many(messages):
    """Store texts to send (inside the caller's transaction); in development, where no
    worker runs, send them once it commits."""
    TextMessage.objects.bulk_create(messages)
    if getattr(settings, "SMS_DELIVER_AT_ONCE", False):
        transaction.on_commit(deliver)


def deliver(now=None):
    """Send the queued texts, batch by batch; each is marked sent, or tried again on the
    next pass until MOST_ATTEMPTS. Returns (sent, failed)."""
    if not enabled():
        return 0, 0
    send = sender().send
    sent = failed = last = 0
    while True:
        with transaction.atomic():
            batch = list(
                TextMessage.objects.select_for_update()
                .filter(status=TextMessage.Status.QUEUED, pk__gt=last)
                .order_by("pk")[:BATCH]
            )
            if not batch:
                return sent, failed
            last = batch[-1].pk
            for text in batch:
                text.attempts += 1
                try:
                    send(text.to, text.text)
                except SendError as error:
                    text.last_error = str(error)[:200]
                    if text.attempts >= MOST_ATTEMPTS:
                        text.status = TextMessage.Status.FAILED
                        failed += 1
                else:
                    text.status = TextMessage.Status.SENT
                    text.sent_at = now or timezone.now()
                    sent += 1
            TextMessage.objects.bulk_update(
                batch, ["attempts", "last_error", "status", "sent_at"]
            )


def forget(number):
    """Erasure: every text to this number goes."""
    number = mobile_number(number)
    if number:
        TextMessage.objects.filter(to=number).delete()


def purge(older_than):
    return TextMessage.objects.filter(created_at__lt=older_than).delete()[0]
