"""Page privacy only through groups; no shared passwords (security checklist AC-5).

In the style of Wagtail's own `wagtail/tests/test_page_privacy.py`: a content page with a
group restriction for one network's members, its subpage and an alias of it. Anonymous
visitors are sent to sign in, signed-in people outside the group do not see it, members of
the group do, and what they see is never stored by a browser or the anonymous page cache.
"""

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import UserFactory
from tests.factories.home import make_content_page
from tests.factories.mfa import sign_in_with_authenticator
from tests.factories.users import PASSWORD

pytestmark = pytest.mark.django_db

SECRET = "Notes from the West Midlands members meeting"
CHILD_SECRET = "Draft plan shared with West Midlands members"
GROUP = "West Midlands network members"


@pytest.fixture
def network_group(db):
    return Group.objects.create(name=GROUP)


@pytest.fixture
def in_network(network_group):
    return UserFactory(email="in.network@example.org", groups=["Members", GROUP])


@pytest.fixture
def other_network(db):
    return UserFactory(email="other.network@example.org", groups=["Members"])


@pytest.fixture
def private_section(home_page, network_group):
    """The restricted page, its subpage, and an alias of it published elsewhere."""
    room = make_content_page(
        home_page, title="Members' room", slug="members-room", summary=SECRET
    )
    child = make_content_page(room, title="Plans", slug="plans", summary=CHILD_SECRET)
    restriction = PageViewRestriction.objects.create(
        page=room, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([network_group])
    alias = room.create_alias(update_slug="members-room-copy")
    return {"room": room, "child": child, "alias": alias}


def urls(section):
    return {
        "restricted page": "/members-room/",
        "subpage": "/members-room/plans/",
        "alias": section["alias"].url,
    }


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_ac5_the_alias_is_an_alias_of_the_restricted_page(private_section):
    alias = private_section["alias"]
    assert alias.alias_of_id == private_section["room"].pk
    assert alias.url == "/members-room-copy/"


@pytest.mark.parametrize("which", ["restricted page", "subpage", "alias"])
def test_ac5_anonymous_visitors_are_sent_to_sign_in(private_section, which):
    url = urls(private_section)[which]
    response = Client().get(url)
    assert response.status_code == 302, url
    assert response["Location"].startswith(django_settings.LOGIN_URL + "?next=")
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("which", ["restricted page", "subpage", "alias"])
def test_ac5_someone_from_another_network_does_not_see_the_page(
    private_section, other_network, which
):
    url = urls(private_section)[which]
    response = signed_in(other_network).get(url)
    # Wagtail sends a signed-in person outside the group to sign in (as someone else).
    assert response.status_code in (302, 403), url
    if response.status_code == 302:
        assert response["Location"].startswith("/accounts/login/")
    assert SECRET not in response.content.decode()
    assert CHILD_SECRET not in response.content.decode()


@pytest.mark.parametrize("which", ["restricted page", "subpage", "alias"])
def test_ac5_a_network_member_sees_it_and_it_is_never_stored(
    private_section, in_network, which
):
    url = urls(private_section)[which]
    response = signed_in(in_network).get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    assert SECRET in html or CHILD_SECRET in html
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_ac5_the_anonymous_page_cache_never_keeps_a_restricted_page(
    private_section, in_network, settings
):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 60
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    cache.clear()
    member = signed_in(in_network)
    for url in urls(private_section).values():
        assert member.get(url).status_code == 200
        # Cookie-less visitors (the only ones the cache serves) are still sent to sign in.
        for _visit in range(2):
            response = Client().get(url)
            assert response.status_code == 302, url
            assert response.get("X-Cache") != "HIT"
            assert SECRET not in response.content.decode()
    # And a public page is cached under the same settings, so the cache really was on.
    Client().get("/")
    assert Client().get("/")["X-Cache"] == "HIT"


def test_ac5_settings_turn_shared_passwords_off():
    assert django_settings.WAGTAIL_PRIVATE_PAGE_OPTIONS == {"SHARED_PASSWORD": False}
    assert django_settings.WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS == {
        "SHARED_PASSWORD": False
    }


@pytest.fixture
def admin_client(superuser, settings):
    """A superuser through the real sign-in with the staff MFA gate on."""
    settings.REQUIRE_STAFF_MFA = True
    client = sign_in_with_authenticator(Client(), superuser, PASSWORD)
    assert client.get("/admin/").status_code == 200
    return client


def test_ac5_the_page_privacy_form_offers_no_password(admin_client, private_section):
    page = private_section["child"]
    response = admin_client.get(f"/admin/pages/{page.pk}/privacy/")
    assert response.status_code == 200
    html = response.json()["html"]
    assert 'value="groups"' in html
    assert 'value="password"' not in html
    assert "Shared password" not in html

    refused = admin_client.post(
        f"/admin/pages/{page.pk}/privacy/",
        {"restriction_type": "password", "password": "letmein"},
    )
    assert refused.status_code == 200
    assert not PageViewRestriction.objects.filter(
        restriction_type=PageViewRestriction.PASSWORD
    ).exists()


def test_ac5_the_collection_privacy_form_offers_no_password(admin_client):
    collection = Collection.get_first_root_node().add_child(name="Network papers")
    response = admin_client.get(f"/admin/collections/{collection.pk}/privacy/")
    assert response.status_code == 200
    html = response.json()["html"]
    assert 'value="password"' not in html
    admin_client.post(
        f"/admin/collections/{collection.pk}/privacy/",
        {"restriction_type": "password", "password": "letmein"},
    )
    assert not CollectionViewRestriction.objects.filter(
        restriction_type=CollectionViewRestriction.PASSWORD
    ).exists()
    assert get_document_model().objects.count() == 0


def test_ac5_no_password_restriction_exists_after_load_demo_and_ac2_members_only_pages_are_private(
    db,
):
    call_command("load_demo", verbosity=0)
    assert PageViewRestriction.objects.exists(), "the demo has private pages"
    assert not PageViewRestriction.objects.filter(
        restriction_type=PageViewRestriction.PASSWORD
    ).exists()
    assert not CollectionViewRestriction.objects.filter(
        restriction_type=CollectionViewRestriction.PASSWORD
    ).exists()

    # AC-2 part 3: every members-only page carries (or inherits) a Members-group rule.
    from members.opportunities.choices import Audience
    from members.opportunities.pages import OpportunityPage

    members_only = OpportunityPage.objects.filter(audience=Audience.MEMBERS)
    assert members_only.exists(), "the demo has members-only opportunities"
    for page in members_only:
        groups = {
            group.name
            for restriction in page.get_view_restrictions()
            for group in restriction.groups.all()
        }
        assert "Members" in groups, page.url
        assert Client().get(page.url).status_code == 302, page.url


def test_ac5_an_alias_of_a_private_subpage_stays_private_outside_the_section(
    private_section, home_page, other_network, in_network
):
    """Wagtail checked the alias's own section and the source page, not the source's
    section; this alias of a private subpage, published on a public path, was public."""
    alias = private_section["child"].create_alias(
        parent=home_page, update_slug="plans-copy"
    )
    anonymous = Client().get(alias.url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/?next=")
    assert CHILD_SECRET not in anonymous.content.decode()
    outsider = signed_in(other_network).get(alias.url)
    assert outsider.status_code == 302
    assert CHILD_SECRET not in outsider.content.decode()
    member = signed_in(in_network).get(alias.url)
    assert member.status_code == 200
    assert CHILD_SECRET in member.content.decode()
    assert "no-store" in member["Cache-Control"]


def test_ac5_listings_and_search_leave_out_private_pages_and_their_aliases(
    private_section, home_page
):
    """Listings filter with `home.routing.public_pages`: the private page, its subpage and
    aliases of either, wherever the alias sits, never reach a public listing or search."""
    from wagtail.models import Page

    from home.routing import public_pages

    child_alias = private_section["child"].create_alias(
        parent=home_page, update_slug="plans-copy"
    )
    public = set(public_pages(Page.objects.live()).values_list("pk", flat=True))
    for hidden in (
        private_section["room"],
        private_section["child"],
        private_section["alias"],
        child_alias,
    ):
        assert hidden.pk not in public
    assert home_page.pk in public

    found = Client().get("/search/?q=plans").content.decode()
    assert CHILD_SECRET not in found
    assert "/plans-copy/" not in found


def test_ac5_a_private_news_article_and_its_alias_stay_out_of_the_news_listing_and_feed(
    home_page, network_group
):
    """The news index filters its long listing with `public_pages_for_long_listing`."""
    from tests.factories.home import ensure_news_index, make_news

    news = ensure_news_index(home_page)
    make_news(news, title="Open day for everyone")
    private = make_news(news, title="Members-only minutes")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([network_group])
    private.create_alias(update_slug="members-only-minutes-copy")

    for url in ("/news/", "/news/feed/"):
        page = Client().get(url).content.decode()
        assert "Open day for everyone" in page, url
        assert "Members-only minutes" not in page, url
