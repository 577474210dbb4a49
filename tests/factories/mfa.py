"""The real staff sign-in for tests: password, then a code from an authenticator app."""

from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)


def sign_in_with_authenticator(client, user, password, next_url=""):
    """Activate an authenticator for `user`, sign in through allauth and enter its code."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    url = "/accounts/login/" + (f"?next={next_url}" if next_url else "")
    response = client.post(url, {"login": user.email, "password": password})
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    counter = next(iter(yield_hotp_counters_from_time()))
    code = format_hotp_value(hotp_value(secret, counter))
    assert client.post("/accounts/2fa/authenticate/", {"code": code}).status_code == 302
    return client
