"""CSRF on every state change, and no state change via GET (security checklist SE-5).

Each POST route of the access matrix is tried by the most privileged role the matrix lets
use it, with a client that enforces CSRF checks and sends no token: the answer is the styled
403 ("Your form could not be sent") and nothing in the database changes. The public form
pages (the enquiry form, joining, signing in and the other sign-in forms) are tried the same
way by an anonymous visitor. A GET to each of those routes is refused with 405 or changes
nothing.
"""

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from tests.security.access_matrix import MATRIX, kwargs_for, matches, outcome

pytestmark = pytest.mark.django_db

# Most privileged first; the first role the matrix lets through is the one that tries.
ROLES_BY_PRIVILEGE = (
    "superuser",
    "staff",
    "editor",
    "leader",
    "cochair",
    "past_cochair",
    "member",
    "member_other",
)
PERMITTED = ("ok", "200")
STYLED_CSRF_PAGE = "Your form could not be sent"

# Sessions hold sign-in state, not site data (and a signed-in request may refresh one).
NOT_SNAPSHOTTED = {"sessions.session"}

# The only writes a GET may make: a default row for the person asking, created the first time
# they open their profile or e-mail settings (allauth records the sign-up address; a member
# profile is made on demand). The test checks these only add rows, and only once.
LAZY_DEFAULTS = {
    "account_email": {"account.emailaddress"},
    "members:profile": {"members.memberprofile"},
    "members:edit_profile": {"members.memberprofile"},
    # The private calendar address is made the first time a member opens their events.
    "members:my_events": {"members.calendarfeed"},
}

# Downloads of personal data are recorded in the audit log (an added row, nothing changed).
AUDIT_LOG = {"wagtailcore.modellogentry"}

PUBLIC_FORMS = (
    "/enquire/",
    "members:apply",
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_request_login_code",
)


def permitted_role(name):
    """The most privileged role the matrix lets POST to `name`, or None if none may."""
    expected = MATRIX[(name, "POST")]
    for role in ROLES_BY_PRIVILEGE:
        if expected[role] in PERMITTED:
            return role
    return None


POST_ROUTES = sorted(name for name, method in MATRIX if method == "POST")
STATE_CHANGING = [name for name in POST_ROUTES if permitted_role(name)]


def snapshotted_models():
    return [
        model
        for model in apps.get_models()
        if model._meta.label_lower not in NOT_SNAPSHOTTED and not model._meta.proxy
    ]


def snapshot():
    """Every row of every model, so an update is caught as well as an insert or delete.

    One query counts every table; only the tables with rows are then read."""
    models = snapshotted_models()
    quote = connection.ops.quote_name
    # Table names come from the app registry, never from a request.
    counts = ", ".join(
        f"(SELECT COUNT(*) FROM {quote(model._meta.db_table)})"  # noqa: S608
        for model in models
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        totals = cursor.fetchone()
    return {
        model._meta.label_lower: (
            list(model._base_manager.order_by("pk").values_list()) if total else []
        )
        for model, total in zip(models, totals, strict=True)
    }


def changed_tables(before, after):
    return sorted(label for label in before if before[label] != after[label])


@pytest.fixture(scope="module")
def enquiry_page(world):
    """The public enquiry form at /enquire/, inside the world's module transaction."""
    from home.models import HomePage
    from tests.factories.enquiries import make_enquiry_page

    return make_enquiry_page(HomePage.objects.first())


@pytest.fixture(scope="module")
def strict_clients(world):
    """One client per role that enforces CSRF checks as a browser session would."""
    result = {}
    for role in ROLES_BY_PRIVILEGE:
        client = Client(enforce_csrf_checks=True)
        client.force_login(world.users[role])
        result[role] = client
    result["anonymous"] = Client(enforce_csrf_checks=True)
    # The first page anyone sees creates the site settings rows and each person's Wagtail
    # profile; those lazy defaults are made here so the sweep compares real changes only.
    for client in result.values():
        client.get("/")
    return result


def request_and_changes(request_fn):
    """Make a request and return it with the tables it changed; then undo anything it
    wrote, so a failing check never leaks into the shared world."""
    cache.clear()
    savepoint = transaction.savepoint()
    try:
        before = snapshot()
        response = request_fn()
        return response, changed_tables(before, snapshot())
    finally:
        transaction.savepoint_rollback(savepoint)


def url_for(name, world):
    if name.startswith("/"):
        return name
    return reverse(name, kwargs=kwargs_for(name, world.objects))


@pytest.mark.parametrize("name", POST_ROUTES)
def test_se5_post_without_a_token_to_every_matrix_route_is_refused(
    name, world, strict_clients
):
    # Routes no role may use are still tried, by the superuser: CSRF comes first.
    role = permitted_role(name) or "superuser"
    url = url_for(name, world)
    response, changed = request_and_changes(
        lambda: strict_clients[role].post(
            url, {"confirm": "yes", "decision": "approve"}
        )
    )
    assert response.status_code == 403, f"{role} POST {url}"
    assert STYLED_CSRF_PAGE in response.content.decode()
    assert not changed, f"{role} POST {url} changed {changed}"


@pytest.mark.parametrize("name", PUBLIC_FORMS)
def test_se5_post_without_a_token_to_every_public_form_is_refused(
    name, world, enquiry_page, strict_clients
):
    url = url_for(name, world)
    assert strict_clients["anonymous"].get(url).status_code == 200
    response, changed = request_and_changes(
        lambda: strict_clients["anonymous"].post(
            url,
            {
                "full_name": "Priya Shah",
                "name": "Priya Shah",
                "email": "priya@example.org",
                "login": "member@example.org",
                "password": "a long passphrase for signing in",
                "message": "Please can we talk?",
            },
        )
    )
    assert response.status_code == 403, url
    assert STYLED_CSRF_PAGE in response.content.decode()
    assert not changed, f"POST {url} changed {changed}"


@pytest.mark.parametrize("name", STATE_CHANGING)
def test_se5_get_to_a_state_changing_route_is_refused_or_changes_nothing(
    name, world, strict_clients
):
    role = permitted_role(name)
    url = url_for(name, world)
    client = strict_clients[role]
    cache.clear()
    savepoint = transaction.savepoint()
    try:
        before = snapshot()
        response = client.get(url)
        first = snapshot()
        client.get(url)
        second = snapshot()
    finally:
        transaction.savepoint_rollback(savepoint)

    expected = MATRIX[(name, "GET")][role]
    got = outcome(response)
    assert matches(expected, got), (
        f"{role} GET {url}: {got}, the matrix says {expected}"
    )
    changed = changed_tables(before, first)
    unexpected = set(changed) - LAZY_DEFAULTS.get(name, set()) - AUDIT_LOG
    assert not unexpected, f"{role} GET {url} changed {sorted(unexpected)}"
    for label in changed:
        kept = all(row in first[label] for row in before[label])
        assert kept, f"{role} GET {url} changed or removed {label} rows"
    again = set(changed_tables(first, second)) - AUDIT_LOG
    assert not again, f"a second GET {url} changed {sorted(again)}"
