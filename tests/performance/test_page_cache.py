"""The anonymous page cache serves repeat visits from the cache, never keeps what differs
between visitors, and forgets pages as soon as anything they show changes."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from home.models import NavigationSettings, OrganisationSettings, Person, Region
from networks.models import CoChairUpdate
from tests.factories.enquiries import make_enquiry_page
from tests.factories.home import (
    PersonFactory,
    ensure_news_index,
    make_content_page,
    make_image,
    make_news,
)
from tests.factories.networks import MeetingFactory, UpdateFactory, make_network
from tests.factories.opportunities import (
    InterestFactory,
    ensure_index,
    make_opportunity,
)
from website.cache import GENERATION_KEY

pytestmark = pytest.mark.usefixtures("page_cache", "site_settings")


@pytest.fixture
def site_settings(home_page):
    """Settings rows exist, as on any live site (creating them on first render counts as a
    change and would make the first visit's entry stale at once)."""
    site = Site.objects.get(is_default_site=True)
    NavigationSettings.for_site(site)
    OrganisationSettings.for_site(site)


def fetch(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, url
    return response


def assert_cached(client, url):
    """Two visits: the second comes from the cache."""
    fetch(client, url)
    second = fetch(client, url)
    assert second["X-Cache"] == "HIT", url
    return second


@pytest.fixture
def article(home_page):
    return make_news(ensure_news_index(home_page), title="First article")


def test_second_anonymous_visit_is_a_hit_with_the_same_page(client, article):
    first = fetch(client, article.url)
    assert first["X-Cache"] == "MISS"
    second = fetch(client, article.url)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "Content-Security-Policy" in second
    assert not second.cookies


def test_a_hit_costs_no_database_query(
    client, article, settings, django_assert_max_num_queries
):
    fetch(client, article.url)
    # The test settings use an in-memory cache, so nothing but the page would query.
    with django_assert_max_num_queries(0):
        assert fetch(client, article.url)["X-Cache"] == "HIT"


def test_a_hit_is_answered_before_sessions_authentication_and_csp(
    client, article, monkeypatch
):
    """Only the security headers' middleware and the static files run before the page
    cache answers: a hit never loads a session, a user or a CSP nonce."""
    from django.contrib.auth.middleware import AuthenticationMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware

    from website.middleware import ContentSecurityPolicyMiddleware

    fetch(client, article.url)
    reached = []
    for middleware in (
        SessionMiddleware,
        AuthenticationMiddleware,
        ContentSecurityPolicyMiddleware,
    ):
        original = middleware.__call__

        def spy(self, request, _original=original, _name=middleware.__name__):
            reached.append(_name)
            return _original(self, request)

        monkeypatch.setattr(middleware, "__call__", spy)
    assert fetch(client, article.url)["X-Cache"] == "HIT"
    assert reached == []
    fetch(client, "/portal/", follow=True)  # the spies do see a request that passes
    assert "SessionMiddleware" in reached


def test_head_is_answered_from_the_cache(client, article):
    fetch(client, article.url)
    assert client.head(article.url)["X-Cache"] == "HIT"


def test_query_string_and_host_are_part_of_the_key(client, home_page, article):
    fetch(client, "/news/")
    assert fetch(client, "/news/?page=1")["X-Cache"] == "MISS"
    assert fetch(client, "/news/", HTTP_HOST="localhost")["X-Cache"] == "MISS"
    assert fetch(client, "/news/")["X-Cache"] == "HIT"


def test_signed_in_members_never_get_or_fill_the_cache(client, member, article):
    fetch(client, article.url)
    client.force_login(member)
    response = fetch(client, article.url)
    assert "X-Cache" not in response
    assert "no-store" in response["Cache-Control"]
    client.logout()


def test_a_page_seen_by_a_signed_in_member_is_not_stored(client, member, article):
    client.force_login(member)
    fetch(client, article.url)
    client.logout()
    client.cookies.clear()
    assert fetch(client, article.url)["X-Cache"] == "MISS"


def test_a_session_cookie_bypasses_the_cache(client, settings, article):
    fetch(client, article.url)
    client.cookies[settings.SESSION_COOKIE_NAME] = "not-a-real-session"
    assert "X-Cache" not in fetch(client, article.url)


@pytest.mark.parametrize("path", ["/portal/", "/accounts/login/", "/admin/"])
def test_private_areas_are_never_cached(client, home_page, path):
    for _ in range(2):
        response = client.get(path)
        assert "X-Cache" not in response, path


def test_form_pages_that_set_a_csrf_cookie_are_not_stored(client, home_page):
    page = make_enquiry_page(home_page)
    first = fetch(client, page.url)
    assert first.cookies, "the enquiry form sets its CSRF cookie"
    client.cookies.clear()
    second = fetch(client, page.url)
    assert second.get("X-Cache") != "HIT"
    assert "csrfmiddlewaretoken" in second.content.decode()


def test_not_found_and_redirects_are_not_stored(client, home_page):
    for _ in range(2):
        response = client.get("/no-such-page/")
        assert response.status_code == 404
        assert "X-Cache" not in response
    for _ in range(2):
        response = client.get("/news")  # APPEND_SLASH redirect
        assert response.get("X-Cache") != "HIT"


def test_a_response_that_used_the_csp_nonce_is_not_stored(client, home_page, rf):
    from django.http import HttpResponse

    from website.cache import AnonymousPageCacheMiddleware

    def view(request):
        return HttpResponse(f"<script nonce='{request.csp_nonce}'></script>")

    from csp.middleware import CSPMiddleware

    chain = AnonymousPageCacheMiddleware(CSPMiddleware(view))
    for _ in range(2):
        response = chain(rf.get("/with-nonce/"))
        assert response.get("X-Cache") != "HIT"
    assert cache.get(GENERATION_KEY) is not None


def test_private_or_no_store_responses_are_not_stored(rf, home_page):
    from django.http import HttpResponse

    from website.cache import AnonymousPageCacheMiddleware

    def view(request):
        response = HttpResponse("secret")
        response["Cache-Control"] = "private"
        return response

    chain = AnonymousPageCacheMiddleware(view)
    chain(rf.get("/private-page/"))
    assert chain(rf.get("/private-page/")).get("X-Cache") != "HIT"


def test_the_cache_is_off_when_the_setting_is_zero(client, settings, article):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 0
    fetch(client, article.url)
    assert "X-Cache" not in fetch(client, article.url)


def test_preview_of_a_draft_is_never_served_from_or_into_the_cache(
    client, superuser, article
):
    assert_cached(client, article.url)
    article.title = "Draft title"
    article.save_revision()
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
    assert response.status_code == 200
    assert "X-Cache" not in response
    client.logout()
    client.cookies.clear()
    assert "Draft title" not in fetch(client, article.url).content.decode()


# Invalidation: each path a page's content can change by.


def test_publishing_a_page_refreshes_it_and_its_listing(client, article):
    assert_cached(client, article.url)
    assert_cached(client, "/news/")
    article.title = "A new headline"
    article.save_revision().publish()
    page = fetch(client, article.url)
    assert page["X-Cache"] == "MISS"
    assert "A new headline" in page.content.decode()
    assert "A new headline" in fetch(client, "/news/").content.decode()


def test_a_new_page_appears_in_its_listing_at_once(client, home_page, article):
    assert_cached(client, "/news/")
    make_news(ensure_news_index(home_page), title="Brand new story")
    assert "Brand new story" in fetch(client, "/news/").content.decode()


def test_unpublishing_removes_the_page(client, article):
    url = article.url
    assert_cached(client, url)
    article.unpublish()
    assert client.get(url).status_code == 404


def test_moving_a_page_refreshes_old_and_new_addresses(client, home_page, article):
    url = article.url
    assert_cached(client, url)
    section = make_content_page(home_page, title="Archive", slug="archive")
    Page.objects.get(pk=article.pk).move(section, pos="last-child")
    # Wagtail leaves a redirect at the old address instead of the cached page.
    old = client.get(url)
    assert old.status_code == 301
    assert old["Location"].endswith("/archive/" + article.slug + "/")
    assert fetch(client, "/archive/" + article.slug + "/")


def test_deleting_a_page_removes_it(client, article):
    url = article.url
    assert_cached(client, url)
    Page.objects.get(pk=article.pk).delete()
    assert client.get(url).status_code == 404


def test_menu_changes_show_on_every_page(client, home_page, article):
    assert_cached(client, article.url)
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    navigation.footer_links = (
        '[{"type": "link", "value": {"page": null, "url": "/fresh-link/", '
        '"text": "Fresh footer link"}}]'
    )
    navigation.save()
    assert "Fresh footer link" in fetch(client, article.url).content.decode()


def test_site_settings_changes_show_on_every_page(client, home_page, article):
    assert_cached(client, article.url)
    organisation = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    organisation.footer_text = "Footer words changed today"
    organisation.save()
    assert "Footer words changed today" in fetch(client, article.url).content.decode()


def test_snippet_changes_refresh_pages(client, home_page, article):
    person = PersonFactory(name="Original Name")
    article.authors = [person]
    article.save_revision().publish()
    assert_cached(client, article.url)
    Person.objects.filter(pk=person.pk).update(name="Renamed Person")
    # A queryset update sends no signal; an editor's save in the admin does:
    person.refresh_from_db()
    person.save()
    assert "Renamed Person" in fetch(client, article.url).content.decode()
    before = cache.get(GENERATION_KEY)
    Region.objects.create(name="Test Region", slug="test-region")
    assert cache.get(GENERATION_KEY) != before
    before = cache.get(GENERATION_KEY)
    person.delete()
    assert cache.get(GENERATION_KEY) != before


def test_image_and_document_changes_refresh_pages(client, article):
    assert_cached(client, article.url)
    before = cache.get(GENERATION_KEY)
    image = make_image(title="New picture")
    assert cache.get(GENERATION_KEY) != before
    before = cache.get(GENERATION_KEY)
    get_image_model().objects.get(pk=image.pk).delete()
    assert cache.get(GENERATION_KEY) != before
    assert fetch(client, article.url)["X-Cache"] == "MISS"


def test_expressing_interest_refreshes_the_places_left(client, home_page, member):
    index = ensure_index(home_page)
    opportunity = make_opportunity(index, title="Coaching circle", places=3)
    assert_cached(client, opportunity.url)
    assert_cached(client, index.url)
    InterestFactory(opportunity=opportunity, member=member)
    assert fetch(client, opportunity.url)["X-Cache"] == "MISS"
    assert fetch(client, index.url)["X-Cache"] == "MISS"


def test_network_updates_and_meetings_refresh_the_network_page(client, home_page):
    network = make_network(home_page)
    assert_cached(client, network.url)
    UpdateFactory(network=network, title="Our spring gathering")
    assert "Our spring gathering" in fetch(client, network.url).content.decode()
    assert_cached(client, network.url)
    MeetingFactory(network=network, title="Summer meeting")
    assert fetch(client, network.url)["X-Cache"] == "MISS"
    assert_cached(client, network.url)
    CoChairUpdate.objects.get(title="Our spring gathering").delete()
    page = fetch(client, network.url)
    assert page["X-Cache"] == "MISS"
    assert "Our spring gathering" not in page.content.decode()


def test_signing_in_does_not_empty_the_cache(client, member, password, article):
    assert_cached(client, article.url)
    member.last_login = None
    member.save(update_fields=["last_login"])
    other = type(client)()
    assert fetch(other, article.url)["X-Cache"] == "HIT"


def test_enquiries_do_not_empty_the_cache(client, home_page, article):
    from tests.factories.enquiries import EnquiryFactory

    assert_cached(client, article.url)
    EnquiryFactory()
    assert fetch(client, article.url)["X-Cache"] == "HIT"
