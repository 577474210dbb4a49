"""Fixtures shared by the whole suite: the site tree and one user per role."""

import pytest

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

    cache.clear()
    yield
