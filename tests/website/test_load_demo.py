"""`load_demo` builds the same site every time and refuses production settings."""

from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from members.models import User
from tests.website.test_settings import manage


def snapshot():
    return {
        "pages": list(
            Page.objects.order_by("path").values_list("title", "slug", "live")
        ),
        "revisions": Revision.objects.count(),
        "sites": list(
            Site.objects.values_list("hostname", "root_page__slug", "is_default_site")
        ),
        "users": list(User.objects.order_by("email").values_list("email", "password")),
        "memberships": sorted(
            User.groups.through.objects.values_list("user__email", "group__name")
        ),
        "groups": Group.objects.count(),
    }


def test_load_demo_twice_changes_nothing(db, settings):
    call_command("load_demo", verbosity=0)
    first = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == first


def test_load_demo_creates_the_demo_accounts_with_roles(db, settings):
    call_command("load_demo", verbosity=0)
    expected = {
        "editor@example.org": "Editors",
        "staff@example.org": "Programme staff",
        "member@example.org": "Members",
        "cochair@example.org": "Members",
    }
    for email, group in expected.items():
        user = User.objects.get(email=email)
        assert user.check_password(settings.DEMO_PASSWORD)
        assert user.groups.filter(name=group).exists()
        assert not user.is_superuser
    assert not User.objects.filter(is_superuser=True).exists()


def test_load_demo_serves_a_home_page(client, db):
    call_command("load_demo", verbosity=0)
    response = client.get("/")
    assert response.status_code == 200
    assert b"<h1" in response.content


def test_load_demo_refuses_production_settings():
    result = manage("load_demo")
    assert result.returncode != 0
    assert "refuses to run with production settings" in result.stderr
    assert "Traceback" not in result.stderr
