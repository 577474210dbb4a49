"""Staff MFA gate (AU-5): /admin/ needs an MFA step completed in this session."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core.cache import cache

from tests.members.accounts.accounts_helpers import fresh_login


@pytest.fixture(autouse=True)
def require_mfa(settings):
    settings.REQUIRE_STAFF_MFA = True
    cache.clear()


def current_code(secret):
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


@pytest.fixture
def staff_with_totp(staff):
    secret = generate_totp_secret()
    TOTP.activate(staff, secret)
    staff.totp_secret = secret
    return staff


ADMIN_PATHS = [
    "/admin/",
    "/admin/pages/",
    "/admin/api/main/pages/",
    "/admin/members/memberprofile/",
]


@pytest.mark.parametrize("path", ADMIN_PATHS)
def test_staff_without_an_authenticator_are_sent_to_set_one_up(client, staff, path):
    fresh_login(client, staff)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


@pytest.mark.parametrize("path", ADMIN_PATHS)
def test_a_session_without_an_mfa_step_is_refused_even_with_totp(
    client, staff_with_totp, path
):
    client.force_login(staff_with_totp)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert "_auth_user_id" not in client.session


def test_staff_with_totp_complete_the_code_step_then_reach_the_admin(
    client, staff_with_totp, password
):
    response = client.post(
        "/accounts/login/?next=/admin/",
        {"login": staff_with_totp.email, "password": password},
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
    done = client.post(
        "/accounts/2fa/authenticate/",
        {"code": current_code(staff_with_totp.totp_secret)},
    )
    assert done.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_setting_up_totp_counts_as_this_sessions_mfa_step(
    client, staff, password, monkeypatch
):
    # Outside a test transaction on_commit runs at once, inside the request; do the same.
    monkeypatch.setattr(
        "allauth.mfa.totp.internal.flows.transaction.on_commit",
        lambda callback, *args, **kwargs: callback(),
    )
    client.post("/accounts/login/", {"login": staff.email, "password": password})
    assert client.get("/admin/")["Location"] == "/accounts/2fa/totp/activate/"
    # allauth asks for the password again before any MFA change (AU-6).
    client.post("/accounts/reauthenticate/", {"password": password})
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = re.search(
        rb'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page.content
    ) or re.search(rb'value="([A-Z2-7]{32})"', page.content)
    assert secret, "the setup page shows the secret for people who cannot scan"
    secret = secret.group(1).decode()
    response = client.post(
        "/accounts/2fa/totp/activate/", {"code": current_code(secret)}
    )
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=staff, type="totp").exists()
    assert client.get("/admin/").status_code == 200


def test_editors_are_gated_too(client, editor):
    fresh_login(client, editor)
    assert client.get("/admin/")["Location"] == "/accounts/2fa/totp/activate/"


def test_members_are_not_asked_for_mfa_and_still_cannot_reach_admin(client, member):
    fresh_login(client, member)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    assert "/accounts/2fa/" not in response.get("Location", "")
    assert client.get("/portal/").status_code == 200


def test_gate_is_off_when_the_setting_is_off(client, staff, settings):
    settings.REQUIRE_STAFF_MFA = False
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200
