"""One way to tell people something: `notify(event, to, context, about=None)`.

Every email Voices sends is a named event in one catalogue. A feature declares its events
once, next to its services, and sends them with `notify`::

    ENQUIRY_RECEIVED = notify.register(
        "enquiry_received",
        "A leader's enquiry reached the programme team",
        transactional=True,
    )
    notify.notify(ENQUIRY_RECEIVED, [roles.STAFF], {"enquiry": enquiry}, about=enquiry)

- **Templates**: `templates/emails/<event>/subject.txt`, `body.txt` and `body.html` (the
  bodies extend `emails/base.txt` / `emails/base.html`, which add the sign-off and, for
  events that are not transactional, a "manage your emails" link).
- **Recipients** (`to`): users, email addresses, or group names from `website.roles`
  (resolved to that group's active users); de-duplicated by address, one message each so
  nobody sees another's address. Inactive users are never emailed.
- **Preferences**: an event may name `wants(user, context) -> bool`; a user who said no is
  skipped. An event registered with ``channels=("email", "sms")`` also texts people who
  asked for texts, when a text sender is configured (`website.sms`; the text comes from
  `templates/sms/<event>.txt`).
- **Durable**: messages are queued in the outbox (`website.outbox`) inside the caller's
  transaction, so a rolled-back change sends nothing and a stored one is never without its
  email. The worker delivers and retries.
- **One-time codes**: a context holding `expires_at` stamps the message with that moment
  (`outbox.EXPIRES_HEADER`), and the daily purge blanks its body once the code has expired.
- `about`: the record the message concerns; its label and key go in a header so erasure and
  retention can find the messages about a record (`emails_about`).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string

from website import outbox, roles, sms
from website.models import TextMessage

ABOUT_HEADER = "X-Voices-Ref"


@dataclass(frozen=True)
class Event:
    """A kind of message: what it is for, who may turn it off, where it links to."""

    name: str
    description: str
    transactional: bool = True
    wants: object = (
        None  # callable(user, context) -> bool, for events people can turn off
    )
    manage_path: object = "/portal/profile/"  # str or callable(context) -> str
    priority: str = "medium"
    channels: tuple = field(default=("email",))
    # For messages whose templates belong to a library (allauth's sign-in codes and reset
    # links): callable(context) -> (subject, text, html) instead of emails/<event>/.
    renderer: object = None

    def templates(self):
        base = f"emails/{self.name}/"
        return {
            "subject": base + "subject.txt",
            "text": base + "body.txt",
            "html": base + "body.html",
        }


EVENTS = {}


def register(name, description, **options):
    """Add an event to the catalogue (once, at import of the feature's module)."""
    if name in EVENTS:
        raise ValueError(f"Notification event {name!r} is registered twice")
    EVENTS[name] = Event(name=name, description=description, **options)
    return name


def absolute_url(path=""):
    """A full link for emails, from WAGTAILADMIN_BASE_URL (the one place that builds it)."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def reference_of(obj):
    return f"{obj._meta.label_lower}:{obj.pk}"


def emails_about(obj):
    """Outbox messages queued with `about=obj`."""
    from post_office.models import Email

    return Email.objects.filter(**{f"headers__{ABOUT_HEADER}": reference_of(obj)})


def _resolve(to):
    """[(address, user or None)] for users, addresses and group names, unique by address."""
    User = get_user_model()
    if isinstance(to, str | User):
        to = [to]
    found, seen = [], set()

    def add(address, user):
        key = (address or "").strip().lower()
        if key and key not in seen:
            seen.add(key)
            found.append((address.strip(), user))

    for item in to:
        if isinstance(item, User):
            if item.is_active:
                add(item.email, item)
        elif isinstance(item, str) and "@" in item:
            add(item, None)
        elif isinstance(item, str):
            for user in roles.users_in(item):
                add(user.email, user)
        elif item is not None:  # a queryset or list of users
            for user in item:
                if user.is_active:
                    add(user.email, user)
    return found


def render(event_name, context):
    """(subject, text, html) for one recipient's context."""
    event = EVENTS[event_name]
    if event.renderer is not None:
        return event.renderer(context)
    names = event.templates()
    subject = " ".join(render_to_string(names["subject"], context).split())
    return (
        subject,
        render_to_string(names["text"], context),
        render_to_string(names["html"], context),
    )


def _messages(event_name, to, context, about):
    """The outbox messages for one context: one per recipient and channel."""
    event = EVENTS[event_name]
    context = dict(context or {})
    manage = event.manage_path
    if callable(manage):
        manage = manage(context)
    base = {
        "site_url": absolute_url("/"),
        "transactional": event.transactional,
        "manage_url": "" if event.transactional else absolute_url(manage),
    }
    headers = {ABOUT_HEADER: reference_of(about)} if about is not None else {}
    if context.get("expires_at"):
        headers.update(outbox.expires_header(context["expires_at"]))
    if base["manage_url"]:
        headers["List-Unsubscribe"] = f"<{base['manage_url']}>"
    messages = []
    for address, user in _resolve(to):
        if (
            user is not None
            and event.wants is not None
            and not event.wants(user, context)
        ):
            continue
        ctx = {**base, **context, "recipient": user, "recipient_email": address}
        for channel in event.channels:
            messages += CHANNELS[channel](event, address, ctx, headers)
    return messages


def _queue(messages):
    """Email to the outbox, texts to the text-message outbox; how many were queued."""
    texts = [m for m in messages if isinstance(m, TextMessage)]
    emails = [m for m in messages if not isinstance(m, TextMessage)]
    if emails:
        outbox.send_many(emails)
    if texts:
        sms.queue_many(texts)
    return len(messages)


def notify(event_name, to, context=None, *, about=None):
    """Queue `event_name` for every recipient in `to`; returns how many were queued."""
    return _queue(_messages(event_name, to, context, about))


def notify_each(event_name, items):
    """Queue one event for many people, each with their own context, in one write to the
    outbox (batch senders such as reminders). `items`: (to, context, about) triples."""
    messages = []
    for to, context, about in items:
        messages += _messages(event_name, to, context, about)
    return _queue(messages)


def email_channel(event, address, context, headers):
    subject, text, html = render(event.name, context)
    message = {
        "sender": settings.DEFAULT_FROM_EMAIL,
        "recipients": [address],
        "subject": subject,
        "message": text,
        "html_message": html,
        "priority": event.priority,
    }
    if headers:
        message["headers"] = dict(headers)
    return [message]


def sms_channel(event, address, context, headers):
    """A text for someone who asked for texts, when texts are on; otherwise nothing."""
    number = sms.number_for(context.get("recipient"))
    if not number:
        return []
    text = render_to_string(f"sms/{event.name}.txt", context)
    return [sms.message(number, text, about=headers.get(ABOUT_HEADER, ""))]


CHANNELS = {"email": email_channel, "sms": sms_channel}
