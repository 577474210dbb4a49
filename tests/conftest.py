"""Fixtures shared by the whole suite: the site tree and one user per role."""

import pytest

from tests import migrated
from tests.factories import UserFactory
from tests.factories.users import PASSWORD


@pytest.fixture
def home_page(db):
    """The demo site's root: a published HomePage set as the default Site's root."""
    from home import demo

    home = demo.ensure_home_page()
    demo.ensure_site(home)
    return home


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def member(db):
    return UserFactory(
        email="member@example.org", first_name="Morgan", groups=["Members"]
    )


@pytest.fixture
def member_other(db):
    return UserFactory(email="other.member@example.org", groups=["Members"])


@pytest.fixture
def staff(db):
    return UserFactory(
        email="staff@example.org", first_name="Sam", groups=["Programme staff"]
    )


@pytest.fixture
def editor(db):
    return UserFactory(
        email="editor@example.org", first_name="Esme", groups=["Editors"]
    )


@pytest.fixture
def moderator(db):
    return UserFactory(email="moderator@example.org", groups=["Editors", "Moderators"])


@pytest.fixture
def superuser(db):
    return UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)


@pytest.fixture
def inactive_member(db):
    return UserFactory(email="gone@example.org", is_active=False, groups=["Members"])


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: rate-limit counters and cached pages from one
    test must never decide another's outcome."""
    from django.core.cache import cache

    from website import cache as page_cache
    from website import fragments

    cache.clear()
    fragments.clear()
    page_cache.forget_local_copies()
    yield


@pytest.fixture(autouse=True)
def _content_types_after_a_flush(request):
    """A serialized-rollback test ends with a flush that does not recreate content types,
    and a plain flush recreates them under new ids; either way Django's in-process cache
    can still hand out ids that are gone, and a test writing history (website.Activity)
    would point at a missing row. So a non-serialized transactional test starts without
    that cache. Serialized tests restore the original ids and keep it: looking types up
    before their restore would create rows the restore then collides with."""
    found = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or bool(
        found and found.kwargs.get("transaction")
    )
    serialized = bool(found and found.kwargs.get("serialized_rollback"))
    if transactional and not serialized:
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()
    yield


def _transactional(item):
    found = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", [])
    return bool(
        (
            found
            and (found.kwargs.get("transaction") or found.kwargs.get("reset_sequences"))
        )
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )


def pytest_itemcollected(item):
    """Transactional tests end by emptying the database, migrated rows (the root page,
    groups, content types) included. In one process pytest-django runs them last; with
    several workers (`make test`) another test could follow on the same worker, so they
    are marked `serial` and run in a pass of their own after the parallel one."""
    if _transactional(item):
        item.add_marker(pytest.mark.serial)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run serialized-rollback tests first among the transactional ones.

    pytest-django runs transactional tests after the others. Each one that is not
    serialized flushes the database afterwards and lets post_migrate recreate content types
    with new ids, so a later serialized-rollback test (the PostgreSQL race tests) would then
    fail to restore the migrated data. Django inhibits post_migrate after serialized tests,
    so running them first keeps every restore clean.
    """

    def marker(item):
        return item.get_closest_marker("django_db")

    def serialized(item):
        found = marker(item)
        return bool(found and found.kwargs.get("serialized_rollback"))

    moved = [item for item in items if serialized(item)]
    if not moved:
        return
    rest = [item for item in items if not serialized(item)]
    first = next((i for i, item in enumerate(rest) if _transactional(item)), len(rest))
    items[:] = rest[:first] + moved + rest[first:]


@pytest.fixture
def fragments_on(settings):
    """Keep rendered fragments (website/fragments.py), which the suite's settings turn off."""
    from website import fragments

    settings.FRAGMENT_CACHE_SECONDS = 60
    fragments.clear()
    yield
    fragments.clear()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Start the test database from the run's migrated copy (tests/migrated.py) rather
    than applying every migration again in each process."""
    from django.db import connection

    keeper = None
    if connection.vendor == "sqlite":
        name = connection.creation._get_test_db_name()
        if connection.creation.is_in_memory_db(name):
            keeper = migrated.fill_memory_database(name)
    elif connection.vendor == "postgresql":
        connection.settings_dict["TEST"]["TEMPLATE"] = migrated.postgres_template(
            connection.settings_dict
        )
    yield
    if keeper is not None:
        keeper.close()
