""" "Keep me signed in" means what it says for members (no idle limit, signed out only
MEMBER_SESSION_MAX_DAYS after signing in) and nothing for anyone with admin access, whose
idle and absolute limits stay whatever they tick (SE-3)."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from tests.factories import UserFactory
from tests.factories.users import PASSWORD

LOGIN = "/accounts/login/"


@pytest.fixture
def clock():
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def sign_in(user, keep):
    client = Client()
    data = {"login": user.email, "password": PASSWORD}
    if keep:
        data["remember"] = "on"
    response = client.post(LOGIN, data)
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    return client


def is_signed_in(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def member_user(db, home_page):
    return UserFactory(email="pat@example.org", groups=["Members"])


@pytest.fixture(params=["staff", "editor", "superuser"])
def admin_user(db, home_page, request):
    user = request.getfixturevalue(request.param)
    assert user.email
    return user


def test_a_member_who_keeps_signed_in_has_no_idle_limit(clock, member_user):
    client = sign_in(member_user, keep=True)
    clock.shift(timedelta(days=3))
    assert client.get("/portal/").status_code == 200
    assert is_signed_in(client)
    clock.shift(timedelta(days=10, hours=23))
    assert client.get("/portal/").status_code == 200


def test_a_kept_member_session_persists_in_the_browser(clock, member_user, settings):
    client = sign_in(member_user, keep=True)
    assert not client.session.get_expire_at_browser_close()
    assert (
        client.session.get_expiry_age() >= settings.SESSION_LIMITS["member"]["absolute"]
    )


def test_a_kept_member_is_still_signed_out_after_the_maximum_days(clock, member_user):
    client = sign_in(member_user, keep=True)
    clock.shift(timedelta(days=14, minutes=1))
    response = client.get("/portal/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert not is_signed_in(client)


def test_a_member_who_does_not_keep_signed_in_meets_the_idle_limit(clock, member_user):
    client = sign_in(member_user, keep=False)
    clock.shift(timedelta(hours=2, minutes=1))
    assert client.get("/portal/").status_code == 302
    assert not is_signed_in(client)


def test_admin_access_keeps_the_idle_limit_whatever_is_ticked(clock, admin_user):
    client = sign_in(admin_user, keep=True)
    clock.shift(timedelta(minutes=31))
    assert client.get("/portal/").status_code == 302
    assert not is_signed_in(client)


def test_admin_access_keeps_the_absolute_limit_whatever_is_ticked(clock, staff):
    client = sign_in(staff, keep=True)
    for _ in range(29):  # active every 25 minutes for 12 h 5 min
        clock.shift(timedelta(minutes=25))
        client.get("/healthz")
    assert not is_signed_in(client)


def test_a_kept_member_given_admin_access_gets_the_admin_limits(clock, member_user):
    client = sign_in(member_user, keep=True)
    member_user.is_superuser = True
    member_user.save()
    clock.shift(timedelta(minutes=31))
    assert client.get("/portal/").status_code == 302
    assert not is_signed_in(client)
