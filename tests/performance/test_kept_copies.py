"""Each process keeps the generation it read for CACHE_GENERATION_RECHECK_SECONDS and the
pages it served, so a cache hit needs no round trip; a change made elsewhere shows once that
window is over, and one made here shows at once."""

import time

import pytest
from django.core.cache import cache
from wagtail.models import Site

from home.models import NavigationSettings, OrganisationSettings
from tests.factories.home import ensure_news_index, make_news
from website import cache as page_cache
from website import fragments

pytestmark = pytest.mark.usefixtures("kept_copies")


@pytest.fixture
def kept_copies(settings, home_page):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 300
    # Long enough that a slow test machine never passes it by accident.
    settings.CACHE_GENERATION_RECHECK_SECONDS = 60
    site = Site.objects.get(is_default_site=True)
    NavigationSettings.for_site(site)
    OrganisationSettings.for_site(site)
    cache.clear()
    page_cache.forget_local_copies()
    yield
    cache.clear()
    page_cache.forget_local_copies()


@pytest.fixture
def article(home_page):
    return make_news(ensure_news_index(home_page), title="Kept article")


def later(monkeypatch, seconds):
    """Move this process's clock for the generation check `seconds` ahead."""
    now = time.monotonic() + seconds
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: now)


def test_a_hit_does_not_touch_the_shared_cache(client, article, monkeypatch):
    assert client.get(article.url)["X-Cache"] == "MISS"

    def refuse(*args, **kwargs):
        raise AssertionError("the shared cache was read")

    monkeypatch.setattr(page_cache.cache, "get_many", refuse)
    second = client.get(article.url)
    assert second["X-Cache"] == "HIT"
    assert "Kept article" in second.content.decode()


def test_another_process_change_shows_once_the_window_is_over(
    client, article, monkeypatch
):
    client.get(article.url)
    # Another process publishes: it writes a new generation to the shared cache only.
    cache.set(page_cache.GENERATION_KEY, "from-another-process", None)
    assert client.get(article.url)["X-Cache"] == "HIT"
    later(monkeypatch, 61)
    assert client.get(article.url)["X-Cache"] == "MISS"
    assert client.get(article.url)["X-Cache"] == "HIT"


def test_a_change_in_this_process_shows_at_once(client, article):
    client.get(article.url)
    article.title = "Retitled at once"
    article.save_revision().publish()
    page = client.get(article.url)
    assert page["X-Cache"] == "MISS"
    assert "Retitled at once" in page.content.decode()


def test_a_kept_copy_never_outlives_the_shared_entry(client, article):
    entry = {
        "generation": page_cache.current_generation(),
        "stored_at": time.time() - 299.5,
        "status": 200,
        "headers": [],
        "content": b"nearly expired",
    }
    page_cache.AnonymousPageCacheMiddleware._keep_locally("k-old", entry, 300)
    assert page_cache._local_pages.get("k-old") is None
    entry["stored_at"] = time.time() - 200
    page_cache.AnonymousPageCacheMiddleware._keep_locally("k-young", entry, 300)
    assert page_cache._local_pages.get("k-young") == entry


def test_when_the_bump_cannot_be_written_nothing_kept_is_trusted(
    client, article, monkeypatch
):
    client.get(article.url)

    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(page_cache.cache, "set", down)
    page_cache.bump_generation()
    assert page_cache._remembered_generation() is None
    assert page_cache._local_pages.get("anything") is None


def test_signed_in_people_always_read_the_shared_generation(rf, settings, article):
    page_cache.current_generation(anonymous=True)  # this process now remembers one
    cache.set(page_cache.GENERATION_KEY, "changed-by-another-process", None)
    visitor = rf.get("/")
    member = rf.get("/", HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}=abc")
    assert fragments._generation(visitor) != "changed-by-another-process"
    assert fragments._generation(member) == "changed-by-another-process"
