"""Idle and absolute session limits per role (security checklist SE-3).

Anyone who can open the Wagtail admin (editors, programme staff, superusers): 30 minutes
idle, 12 hours after signing in. Members: 2 hours idle, 14 days after signing in.
"""

from datetime import timedelta
from urllib.parse import quote

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from members.models import MemberProfile
from tests.factories import UserFactory
from tests.factories.users import PASSWORD
from website import session_limits

LOGIN = "/accounts/login/"


@pytest.fixture
def clock():
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def is_signed_in(client):
    return "_auth_user_id" in client.session


def visit(client, path="/portal/"):
    return client.get(path)


def assert_sent_to_sign_in(response, client, next_path="/portal/"):
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={quote(next_path, safe='')}"
    assert not is_signed_in(client)


@pytest.fixture(params=["staff", "editor", "superuser"])
def admin_user(db, request):
    return request.getfixturevalue(request.param)


def test_se3_staff_are_signed_out_after_30_minutes_idle(clock, admin_user):
    client = signed_in(admin_user)
    clock.shift(timedelta(minutes=31))
    assert_sent_to_sign_in(visit(client), client)
    # Signing out is real: the next request is anonymous too.
    assert visit(client).status_code == 302


def test_se3_staff_activity_within_30_minutes_keeps_them_signed_in(clock, staff):
    client = signed_in(staff)
    for _ in range(4):  # two hours in all, never more than 29 minutes apart
        clock.shift(timedelta(minutes=29))
        assert visit(client).status_code == 200
    assert is_signed_in(client)


def test_se3_staff_are_signed_out_12_hours_after_signing_in_even_when_active(
    clock, staff, home_page
):
    client = signed_in(staff)
    for _ in range(28):  # every 25 minutes for 11 h 40 min
        clock.shift(timedelta(minutes=25))
        assert visit(client, "/healthz").status_code == 200
        assert is_signed_in(client)
    clock.shift(timedelta(minutes=21))  # 12 h 1 min after signing in
    response = visit(client)
    assert_sent_to_sign_in(response, client)
    page = client.get(response["Location"]).content.decode()
    assert "you had been signed in for 12 hours" in page


def test_se3_members_are_signed_out_after_2_hours_idle(clock, member):
    client = signed_in(member)
    clock.shift(timedelta(hours=2, minutes=1))
    assert_sent_to_sign_in(visit(client), client)


def test_se3_members_keep_their_session_through_2_hours_of_activity_gaps(clock, member):
    """The staff limit of 30 minutes does not apply to members."""
    client = signed_in(member)
    for gap in (45, 119, 90):
        clock.shift(timedelta(minutes=gap))
        assert visit(client).status_code == 200
    assert is_signed_in(client)


def test_se3_members_are_signed_out_14_days_after_signing_in_even_when_active(
    clock, member, home_page
):
    client = signed_in(member)
    signed_in_at = client.session[session_limits.SIGNED_IN_AT]
    # Active throughout: a visit every 1 h 55 min for 13 days 23 hours and more.
    for _ in range(175):
        clock.shift(timedelta(minutes=115))
        assert visit(client, "/healthz").status_code == 200
    assert is_signed_in(client)
    assert client.session[session_limits.SIGNED_IN_AT] == signed_in_at
    clock.shift(timedelta(days=14, minutes=1) - timedelta(minutes=115 * 175))
    response = visit(client)
    assert_sent_to_sign_in(response, client)
    page = client.get(response["Location"]).content.decode()
    assert "you had been signed in for 14 days" in page


def test_se3_the_sign_in_page_says_why_and_returns_people_where_they_were(
    clock, home_page
):
    user = UserFactory(email="pat@example.org", groups=["Members"])
    client = Client()
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    clock.shift(timedelta(hours=3))

    response = visit(client, "/portal/profile/?from=menu")
    assert_sent_to_sign_in(response, client, "/portal/profile/?from=menu")
    page = client.get(response["Location"]).content.decode()
    assert (
        "You were signed out after 2 hours of inactivity, to keep your information "
        "safe. Please sign in again." in page
    )

    response = client.post(
        response["Location"], {"login": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/portal/profile/?from=menu"
    assert visit(client, "/portal/profile/").status_code == 200


def test_se3_a_form_sent_after_the_limit_brings_them_back_to_its_page(clock, member):
    client = signed_in(member)
    clock.shift(timedelta(hours=3))
    response = client.post("/portal/profile/edit/", {"pronouns": "they/them"})
    assert_sent_to_sign_in(response, client, "/portal/profile/edit/")
    assert not MemberProfile.objects.filter(user=member, pronouns="they/them").exists()


def test_se3_wagtail_editing_pings_do_not_count_as_activity(clock, editor):
    """An edit page left open pings the server; an unattended desk still times out."""
    client = signed_in(editor)
    for minutes in (10, 10, 9):
        clock.shift(timedelta(minutes=minutes))
        client.post("/admin/editing-sessions/ping/wagtailcore/page/1/1/")
        assert is_signed_in(client)
    clock.shift(timedelta(minutes=2))  # 31 minutes after the last real request
    response = visit(client, "/admin/")
    assert_sent_to_sign_in(response, client, "/admin/")


def test_se3_last_activity_is_written_at_most_once_a_minute(clock, member):
    """A page view must not rewrite the session every time (issue 11)."""
    client = signed_in(member)
    first = client.session[session_limits.LAST_ACTIVITY]

    clock.shift(timedelta(seconds=30))
    with CaptureQueriesContext(connection) as queries:
        visit(client)
    session_writes = [
        q["sql"]
        for q in queries
        if "django_session" in q["sql"]
        and q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
    ]
    assert session_writes == []
    assert client.session[session_limits.LAST_ACTIVITY] == first

    clock.shift(timedelta(seconds=31))
    visit(client)
    assert client.session[session_limits.LAST_ACTIVITY] == first + 61


def test_se3_sessions_from_before_the_limits_start_counting_at_their_next_visit(
    clock, member
):
    client = signed_in(member)
    session = client.session
    for key in (session_limits.SIGNED_IN_AT, session_limits.LAST_ACTIVITY):
        del session[key]
    session.save()
    clock.shift(timedelta(hours=5))
    assert visit(client).status_code == 200
    assert is_signed_in(client)


def test_se3_the_cookie_lasts_as_long_as_the_longest_limit(settings):
    longest = max(limit["absolute"] for limit in settings.SESSION_LIMITS.values())
    assert settings.SESSION_COOKIE_AGE == longest == 14 * 24 * 60 * 60
    assert settings.SESSION_LIMITS["admin"] == {"idle": 30 * 60, "absolute": 12 * 3600}
    assert settings.SESSION_LIMITS["member"] == {
        "idle": 2 * 3600,
        "absolute": 14 * 24 * 3600,
    }


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(60, "1 minute"), (1800, "30 minutes"), (7200, "2 hours"), (1_209_600, "14 days")],
)
def test_se3_limits_are_described_in_plain_words(seconds, words):
    assert session_limits.describe(seconds) == words
