"""Public pages make a bounded number of queries with cold caches, however much content
exists (5 or 50 news items, people and menu links)."""

import json

import pytest
from django.core.cache import cache
from wagtail.models import Site

from home.models import NavigationSettings
from tests.factories.home import (
    PersonFactory,
    ensure_news_index,
    make_content_page,
    make_image,
    make_news,
    make_people_page,
    make_programme_page,
)

BUDGET = 15


@pytest.fixture(params=[5, 50])
def content(request, home_page, client):
    count = request.param
    # Earlier tests may leave renditions of another database's image id in the cache.
    cache.clear()
    news = ensure_news_index(home_page)
    image = make_image()
    people = [
        PersonFactory(photo=image, photo_alt_text="A portrait") for _ in range(count)
    ]
    articles = [
        make_news(
            news, listing_image=image, tags=[f"Topic {n % 7}"], authors=people[:2]
        )
        for n in range(count)
    ]
    pages = [
        make_content_page(home_page, title=f"Page {n}") for n in range(min(count, 8))
    ]
    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    navigation.main_menu = json.dumps(
        [
            {"type": "link", "value": {"page": p.pk, "url": "", "text": ""}}
            for p in pages
        ]
    )
    navigation.footer_links = json.dumps(
        [
            {"type": "link", "value": {"page": None, "url": f"/x{n}/", "text": f"X{n}"}}
            for n in range(min(count, 12))
        ]
    )
    navigation.save()
    programme = make_programme_page(home_page, listing_image=image)
    home_page.featured_programme = programme
    home_page.save_revision().publish()
    people_page = make_people_page(home_page)
    # One warm-up pass so image renditions exist, as they would on a live site.
    urls = [
        "/",
        "/news/",
        "/news/?tag=topic-1",
        articles[0].url,
        programme.url,
        people_page.url,
    ]
    for url in urls:
        assert client.get(url).status_code == 200
    return urls


def test_public_pages_stay_within_the_query_budget(
    client, content, django_assert_max_num_queries, monkeypatch
):
    # Other apps' home page slots keep their own budgets (tested in their apps).
    monkeypatch.setattr("home.slots.slots_for", lambda request, page: [])
    for index, url in enumerate(content):
        cache.clear()
        # The article is one level deeper (Wagtail's routing costs one more query) and
        # loads its authors and tags: 16, still independent of how much content exists.
        budget = BUDGET + 1 if index == 3 else BUDGET
        with django_assert_max_num_queries(budget, info=url):
            response = client.get(url)
        assert response.status_code == 200, url


def test_home_page_with_other_apps_slots_stays_bounded(
    client, content, django_assert_max_num_queries
):
    cache.clear()
    with django_assert_max_num_queries(BUDGET + 5):
        assert client.get("/").status_code == 200
