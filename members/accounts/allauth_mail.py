"""allauth's emails (sign-in codes, reset links, confirmations, security notices) as events.

allauth decides when to send and what to say (its templates, and ours in templates/account/
where we reword them); website.notify queues and delivers, like every other email. Each
template prefix allauth uses is one event, named ``account:<basename>`` (for example
``account:login_code`` for "account/email/login_code"). The adapter's `send_mail` calls
`send`; the event's renderer asks the adapter's `render_mail` for subject, text and HTML,
making a plain HTML part from the text where allauth's template has none.

One-time codes and links carry their expiry (``outbox.expires_header``) so the daily purge
blanks them once they stop working. The core's renderer returns only subject and bodies, so
those events use the ``one_time_email`` channel below: the email channel plus that header.
"""

from datetime import timedelta

from allauth.account import app_settings
from allauth.account.adapter import get_adapter
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter, urlize
from django.utils import timezone
from django.utils.html import escape

from website import notify, outbox

# Every template prefix allauth sends with (accounts and MFA), and what each message is for.
PREFIXES = {
    "account/email/login_code": "A person signing in by code: their one-time code.",
    "account/email/password_reset_key": "A person who forgot their password: a reset link.",
    "account/email/password_reset_code": "A person who forgot their password: a reset code.",
    "account/email/password_reset": "A person whose password was just reset: it happened.",
    "account/email/password_changed": "A person whose password was changed: it happened.",
    "account/email/password_set": "A person who set a password: it happened.",
    "account/email/email_confirmation": "A person adding an address: a confirmation link.",
    "account/email/email_confirmation_signup": "A new account: confirm the address.",
    "account/email/email_changed": "A person whose sign-in address changed: it happened.",
    "account/email/email_deleted": "A person who removed an address: it happened.",
    "account/email/unknown_account": "Someone asked for mail to an address with no account.",
    "account/email/account_already_exists": "Someone signing up with an address in use.",
    "mfa/email/totp_activated": "A person who turned on an authenticator app.",
    "mfa/email/totp_deactivated": "A person who turned off their authenticator app.",
    "mfa/email/recovery_codes_generated": "A person who made new recovery codes.",
    "mfa/email/webauthn_added": "A person who added a security key.",
    "mfa/email/webauthn_removed": "A person who removed a security key.",
}

ONE_TIME_CHANNEL = "one_time_email"


def event_name(template_prefix):
    return "account:" + template_prefix.rsplit("/", 1)[-1]


def render(template_prefix, context):
    """(subject, text, html) from allauth's templates, through the adapter's render_mail."""
    message = get_adapter().render_mail(
        template_prefix, context.get("recipient_email") or context.get("email"), context
    )
    html = next(
        (
            body
            for body, kind in getattr(message, "alternatives", [])
            if kind == "text/html"
        ),
        None,
    )
    text = message.body
    if getattr(message, "content_subtype", "plain") == "html":  # allauth sent HTML only
        html, text = message.body, ""
    if html is None:
        html = plain_html(text)
    return message.subject, text, html


def plain_html(text):
    """A simple HTML part for a text-only message: paragraphs, and links that work."""
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"></head>'
        '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; '
        'line-height: 1.5; max-width: 40em;">'
        + linebreaks_filter(urlize(escape(text), autoescape=False))
        + "</body></html>"
    )


def one_time_lifetimes():
    """How long each of allauth's one-time codes or links keeps working."""
    confirm = timedelta(days=app_settings.EMAIL_CONFIRMATION_EXPIRE_DAYS)
    return {
        "account/email/login_code": timedelta(
            seconds=app_settings.LOGIN_BY_CODE_TIMEOUT
        ),
        "account/email/password_reset_code": timedelta(
            seconds=app_settings.PASSWORD_RESET_BY_CODE_TIMEOUT
        ),
        "account/email/password_reset_key": timedelta(
            seconds=settings.PASSWORD_RESET_TIMEOUT
        ),
        "account/email/email_confirmation": confirm,
        "account/email/email_confirmation_signup": confirm,
    }


def expiry_headers(template_prefix):
    """The expiry header for a one-time code or link, else nothing."""
    lifetime = one_time_lifetimes().get(template_prefix)
    if lifetime is None:
        return {}
    return outbox.expires_header(timezone.now() + lifetime)


def one_time_email(event, address, context, headers):
    """The email channel, with the moment the code or link stops working in a header."""
    expiry = expiry_headers(PREFIX_OF[event.name])
    messages = notify.email_channel(event, address, context, headers)
    if expiry:
        for message in messages:
            message["headers"] = {**message.get("headers", {}), **expiry}
    return messages


notify.CHANNELS.setdefault(ONE_TIME_CHANNEL, one_time_email)

PREFIX_OF = {}


def register(template_prefix, description):
    name = event_name(template_prefix)
    PREFIX_OF[name] = template_prefix
    return notify.register(
        name,
        description,
        transactional=True,
        renderer=lambda context: render(template_prefix, context),
        channels=(ONE_TIME_CHANNEL,),
    )


for _prefix, _description in PREFIXES.items():
    register(_prefix, _description)


def send(template_prefix, email, context):
    """Queue one of allauth's messages (a prefix it adds later is catalogued on first use)."""
    name = event_name(template_prefix)
    if name not in notify.EVENTS:
        register(template_prefix, f"allauth's {template_prefix} message.")
    return notify.notify(name, email, context)
