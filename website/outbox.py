"""Queue email in the durable outbox (django-post-office) with its text kept exactly as given.

post_office renders every subject and body it is handed as a Django template
(`Template(message).render(Context(context))` in `post_office.mail.create`), even when no
template or context is involved. Our messages are already rendered from our own templates and
hold what people typed: a leader writing `{{7*7}}` in an enquiry made that second pass raise
TemplateSyntaxError (a server error instead of a confirmation), and `{% … %}` tags typed into
a form would have run. So each part is wrapped in a `verbatim` block whose closing tag has a
random name nobody can type in advance, and post_office's pass gives the text back unchanged.

Use `outbox.send` / `outbox.send_many` exactly like `post_office.mail.send` / `send_many`.
"""

import secrets

from post_office import mail

TEXT_PARTS = ("subject", "message", "html_message")


def inert(text):
    """`text` wrapped so that rendering it as a Django template returns it unchanged."""
    if not text:
        return text
    name = "outbox" + secrets.token_hex(12)
    return f"{{% verbatim {name} %}}{text}{{% endverbatim {name} %}}"


def _inert_parts(kwargs):
    return {
        key: inert(value) if key in TEXT_PARTS else value
        for key, value in kwargs.items()
    }


def send(recipients=None, sender=None, **kwargs):
    return mail.send(recipients, sender, **_inert_parts(kwargs))


def send_many(kwargs_list):
    return mail.send_many([_inert_parts(kwargs) for kwargs in kwargs_list])


# One-time codes and links: the sender stamps when the code stops working, and the daily
# purge blanks the body after that moment. The delivery record (who, when, status) stays.
EXPIRES_HEADER = "X-Voices-Expires-At"


def expires_header(moment):
    return {EXPIRES_HEADER: moment.isoformat()}


def scrub_expired_one_time_mail(now):
    """Blank the bodies of sent or failed one-time messages whose code has expired."""
    from datetime import datetime

    from post_office.models import Email

    expired = []
    marked = Email.objects.filter(headers__has_key=EXPIRES_HEADER).exclude(message="")
    for pk, headers in marked.values_list("pk", "headers").iterator():
        try:
            moment = datetime.fromisoformat((headers or {})[EXPIRES_HEADER])
        except (KeyError, TypeError, ValueError):
            continue
        if moment <= now:
            expired.append(pk)
    Email.objects.filter(pk__in=expired).update(message="", html_message="")
    return len(expired)
