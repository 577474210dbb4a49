"""Deny by default (security checklist AC-1, AC-2): every URL is classified, and every
classified route answers each role as the access matrix says."""

import re

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, reverse

from tests.security.access_matrix import (
    MATRIX,
    PUBLIC_ROUTES,
    ROLES,
    WAGTAIL_ADMIN_NAMESPACES,
    kwargs_for,
    matches,
    outcome,
)
from tests.security.routes import named_routes

pytestmark = pytest.mark.django_db

MATRIX_ROUTES = {name for name, _method in MATRIX}


def is_wagtail_admin(name, route):
    namespace = name.split(":", 1)[0] if ":" in name else None
    if namespace in WAGTAIL_ADMIN_NAMESPACES:
        return True
    return (
        namespace is None and name.startswith("wagtail") and route.startswith("admin/")
    )


def classification(name, route):
    if name in PUBLIC_ROUTES:
        return "public"
    if name in MATRIX_ROUTES:
        return "matrix"
    if is_wagtail_admin(name, route):
        return "wagtail-admin"
    return None


def test_ac2_every_url_is_classified():
    unclassified = [
        f"{name} ({route})"
        for name, route in named_routes()
        if classification(name, route) is None
    ]
    assert not unclassified, (
        "Classify these routes in tests/security/access_matrix.py: " + str(unclassified)
    )


def test_ac2_matrix_names_only_routes_that_exist():
    existing = {name for name, _route in named_routes()}
    assert MATRIX_ROUTES <= existing
    assert {n for n in PUBLIC_ROUTES if not n.startswith("wagtail")} <= existing


def sample_url(name, route):
    """A URL for any route, with "1" (or a made-up UUID) for every argument (enough to reach
    the view)."""
    groups = re.findall(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>", route)
    placeholder = {"uuid": "00000000-0000-0000-0000-000000000001"}
    kwargs = {(b or c): placeholder.get(a, "1") for a, b, c in groups}
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        positional = len(re.findall(r"\((?!\?)", route))
        return reverse(name, args=["1"] * positional)


@pytest.fixture(scope="module")
def clients(world):
    """One signed-in client per role (inactive users cannot keep a session; see below)."""
    result = {}
    for role in ROLES:
        client = Client()
        if role != "anonymous":
            client.force_login(world.users[role])
        result[role] = client
    return result


@pytest.mark.parametrize(("name", "method"), sorted(MATRIX))
def test_ac1_access_matrix(name, method, world, clients):
    url = reverse(name, kwargs=kwargs_for(name, world.objects))
    wrong = []
    for role in ROLES:
        expected = MATRIX[(name, method)][role]
        cache.clear()
        savepoint = transaction.savepoint()
        try:
            response = getattr(clients[role], method.lower())(url)
        finally:
            transaction.savepoint_rollback(savepoint)
        got = outcome(response)
        if not matches(expected, got):
            wrong.append(f"{role}: expected {expected}, got {got}")
        if expected == "login":
            assert response["Location"].startswith("/accounts/login/?next=")
    assert not wrong, f"{method} {url}: " + "; ".join(wrong)


NON_PUBLIC = sorted(
    (name, route)
    for name, route in named_routes()
    if classification(name, route) in ("matrix", "wagtail-admin")
)


def test_ac2_anonymous_get_and_post_to_every_non_public_route_never_succeed(db):
    """Includes every Wagtail admin route (with placeholder ids): sign-in or refusal only."""
    client = Client()
    leaks = []
    for name, route in NON_PUBLIC:
        url = sample_url(name, route)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if response.status_code == 200 or (
                response.status_code in (301, 302)
                and not response["Location"].startswith("/accounts/login/")
            ):
                leaks.append(f"{method.upper()} {url} -> {response.status_code}")
    assert not leaks, leaks


def test_ac2_a_member_never_reaches_a_wagtail_admin_view(world, clients):
    client = clients["cochair"]
    leaks = []
    for name, route in NON_PUBLIC:
        if not is_wagtail_admin(name, route):
            continue
        url = sample_url(name, route)
        response = client.get(url)
        if response.status_code == 200:
            leaks.append(url)
    assert not leaks, leaks


def test_ac1_inactive_users_behave_like_anonymous_ones():
    for (name, method), expected in MATRIX.items():
        assert expected["inactive"] == expected["anonymous"], (name, method)


def test_ac2_wagtail_apis_are_not_mounted(client):
    assert client.get("/api/v2/pages/").status_code == 404
    with pytest.raises(NoReverseMatch):
        reverse("admin:index")
