"""The real staff sign-in for tests: password, then a code from an authenticator app."""

import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)

# A code read in the last moments of its 30-second window can expire before the
# server checks it (allauth accepts no earlier window), which failed CI once.
SAFE_MARGIN_SECONDS = 3


def current_code(secret):
    """The authenticator's code now, waiting for a fresh window if this one is about to end."""
    left = app_settings.TOTP_PERIOD - time.time() % app_settings.TOTP_PERIOD
    if left < SAFE_MARGIN_SECONDS:
        time.sleep(left + 0.05)
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


def sign_in_with_authenticator(client, user, password, next_url=""):
    """Activate an authenticator for `user`, sign in through allauth and enter its code."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    url = "/accounts/login/" + (f"?next={next_url}" if next_url else "")
    response = client.post(url, {"login": user.email, "password": password})
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    code = current_code(secret)
    assert client.post("/accounts/2fa/authenticate/", {"code": code}).status_code == 302
    return client
