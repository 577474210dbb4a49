"""Spam and abuse checks for public forms, without CAPTCHAs (SP-1, SP-2, SP-3).

A signed render time plus a honeypot catches most bots; suspected spam is stored and quietly
quarantined rather than dropped, so a real person wrongly caught loses nothing. Rate limits
count in Django's cache, which every process shares (database cache or Redis).
"""

import hashlib
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from website import client_address

SIGNER_SALT = "website.spam.form-token"


def min_seconds():
    return getattr(settings, "ENQUIRY_MIN_SECONDS", 3)


def max_age_seconds():
    """A form older than this is re-shown (values kept) with a fresh token, never rejected."""
    return getattr(settings, "ENQUIRY_FORM_MAX_AGE", 60 * 60 * 24)


def make_form_token():
    """A signed, timestamped one-time token: the render time and the submission id."""
    signer = signing.TimestampSigner(salt=SIGNER_SALT)
    return signer.sign(uuid.uuid4().hex)


@dataclass
class TokenCheck:
    """The outcome of checking a form token: `spam_reason` is empty when it looks human."""

    submission_token: uuid.UUID | None = None
    expired: bool = False
    spam_reason: str = ""


def check_form_token(value, now=None):
    """Unsign the token; a forged one or one sent too soon marks the submission as spam."""
    signer = signing.TimestampSigner(salt=SIGNER_SALT)
    value = (value or "")[:200]
    try:
        raw = signer.unsign(value, max_age=max_age_seconds())
    except signing.SignatureExpired:
        return TokenCheck(expired=True)
    except signing.BadSignature:
        return TokenCheck(submission_token=uuid.uuid4(), spam_reason="bad form token")
    try:
        token = uuid.UUID(hex=raw)
    except ValueError:
        return TokenCheck(submission_token=uuid.uuid4(), spam_reason="bad form token")
    rendered_at = signing.b62_decode(value.rsplit(":", 2)[1])
    elapsed = (now or time.time()) - rendered_at
    if elapsed < min_seconds():
        return TokenCheck(submission_token=token, spam_reason="sent too quickly")
    return TokenCheck(submission_token=token)


def client_ip(request):
    """The client's address for rate limits (website/client_address.py); "unknown", one
    shared bucket, when the request has none."""
    return client_address.client_ip(request) or "unknown"


@dataclass
class RateLimit:
    """A fixed-window counter in the shared cache."""

    scope: str
    limit: int
    period: int = 3600

    def _key(self, ident):
        window = int(time.time() // self.period)
        return f"ratelimit:{self.scope}:{ident}:{window}"

    def is_exceeded(self, ident):
        return (cache.get(self._key(ident)) or 0) >= self.limit

    def hit(self, ident):
        key = self._key(ident)
        if not cache.add(key, 1, self.period + 60):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, self.period + 60)

    def retry_after(self):
        """Seconds until the current window ends."""
        return int(self.period - (time.time() % self.period)) + 1


def enquiry_ip_limit():
    return RateLimit("enquiry-ip", getattr(settings, "ENQUIRY_RATE_LIMIT_PER_IP", 5))


def enquiry_email_limit():
    return RateLimit(
        "enquiry-email", getattr(settings, "ENQUIRY_RATE_LIMIT_PER_EMAIL", 3)
    )


def email_key(email):
    """Rate-limit key for an address: case-insensitive, hashed so the cache holds no addresses."""
    return hashlib.sha256((email or "").strip().lower().encode()).hexdigest()[:32]


def ip_key(ip):
    return hashlib.sha256(ip.encode()).hexdigest()[:32]
