"""The portal dashboard and a permission matrix over every /portal/ and /accounts/ URL."""

import pytest
from django.core.cache import cache

from home.models import Region
from members.accounts import joining
from members.accounts import services as services
from members.models import Application, Invitation
from tests.factories import UserFactory
from tests.members.accounts.accounts_helpers import make_profile

LOGIN = "/accounts/login/?next="
REAUTH = "/accounts/reauthenticate/?next="

# path: (anonymous, any signed-in person) — an int is a status, a str a redirect prefix.
ADMIN_ROLES = ("staff", "editor")
MATRIX = {
    "/portal/": (LOGIN, 200),
    "/portal/profile/": (LOGIN, 200),
    "/portal/profile/edit/": (LOGIN, 200),
    "/portal/my-data/": (LOGIN, 200),
    "/portal/my-data/download.json": (LOGIN, REAUTH),
    "/portal/my-data/download.html": (LOGIN, REAUTH),
    "/portal/my-data/delete/": (LOGIN, REAUTH),
    "/accounts/login/": (200, "/portal/"),
    "/accounts/login/code/": (200, "/portal/"),
    "/accounts/logout/": ("/", 200),
    "/accounts/signup/": (200, "/portal/"),
    "/accounts/password/reset/": (200, 200),
    "/accounts/password/change/": (LOGIN, 200),
    "/accounts/email/": (LOGIN, 200),
    "/accounts/reauthenticate/": (LOGIN, 200),
    "/accounts/2fa/": (LOGIN, 200),
    "/accounts/2fa/totp/activate/": (LOGIN, REAUTH),
    "/join/": (200, 200),
}


@pytest.fixture
def cochair(db):
    return UserFactory(email="cochair@example.org", groups=["Members"])


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()


def check(response, expected):
    if isinstance(expected, int):
        assert response.status_code == expected
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(expected), response["Location"]


@pytest.mark.parametrize("path", MATRIX)
def test_anonymous_visitors(client, db, path):
    check(client.get(path), MATRIX[path][0])


@pytest.mark.parametrize("role", ["member", "cochair", "staff", "editor"])
@pytest.mark.parametrize("path", MATRIX)
def test_signed_in_people(client, db, request, role, path):
    user = request.getfixturevalue(role)
    client.force_login(user)
    expected = MATRIX[path][1]
    if expected == "/portal/" and path.startswith("/accounts/") and role in ADMIN_ROLES:
        expected = "/admin/"  # people with admin access are sent where their work is
    check(client.get(path), expected)


@pytest.mark.parametrize(
    "path",
    [
        "/portal/profile/edit/",
        "/portal/profile/withdraw-consent/",
        "/portal/my-data/delete/",
        "/join/",
    ],
)
def test_posts_without_a_csrf_token_are_refused(db, member, path):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post(path, {"confirm": "on"}).status_code == 403


def test_dashboard_greets_the_member_and_shows_their_panels(client, member):
    make_profile(member)
    client.force_login(member)
    page = client.get("/portal/").content.decode()
    assert page.count("<h1>") == 1
    assert "Hello, Morgan" in page
    assert "Things to do" in page
    assert "Complete your profile" in page
    assert "Your profile" in page
    assert "Download your data or delete your account" in page


def test_a_complete_profile_leaves_nothing_to_do(client, member):
    make_profile(
        member,
        region=Region.objects.get(slug="west-midlands"),
        interests=["coaching"],
    )
    client.force_login(member)
    page = client.get("/portal/").content.decode()
    assert "Nothing needs your attention" in page
    assert "West Midlands" in page


def make_things(count):
    region = Region.objects.get(slug="west-midlands")
    for n in range(count):
        other = UserFactory(groups=["Members"])
        make_profile(other, region=region, interests=["coaching", "events"])
        joining.invite_member(f"invitee{n}@example.org", "partner")
        Application.objects.create(
            name=f"A{n}",
            email=f"applicant{n}@example.org",
            reason="r",
            privacy_notice_version="1",
        )


@pytest.mark.parametrize("count", [1, 30])
def test_dashboard_query_count_does_not_grow_with_data(
    client, member, count, django_assert_max_num_queries
):
    make_profile(
        member,
        region=Region.objects.get(slug="west-midlands"),
        interests=["coaching", "events", "networks"],
    )
    make_things(count)
    assert Invitation.objects.count() == count
    client.force_login(member)
    client.get("/portal/")
    with django_assert_max_num_queries(20):
        response = client.get("/portal/")
    assert response.status_code == 200


def test_things_to_do_shows_an_items_deadline(client, member):
    """Any feature's item with a deadline says when it is due, in words."""
    from datetime import date

    from wagtail import hooks

    from website import todo

    def dated(request):
        return [
            todo.Todo(
                text="Reply to your offered place.",
                url="/portal/",
                link_text="Reply",
                due=date(2026, 12, 12),
            )
        ]

    make_profile(member)
    client.force_login(member)
    with hooks.register_temporarily(todo.PORTAL, dated):
        page = client.get("/portal/").content.decode()
    assert "Reply to your offered place." in page
    assert "by 12 December 2026" in page
    assert "Complete your profile" in page  # the profile reminder is a provider too
