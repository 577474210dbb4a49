"""Search finds public pages, shows editors' promoted results, and copes with odd input."""

import pytest
from django.core.management import call_command
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.factories.home import ensure_news_index, make_content_page, make_news


@pytest.fixture
def demo_site(db):
    call_command("load_demo", verbosity=0)


def test_search_finds_the_demo_article_about_the_west_midlands_network(
    client, demo_site
):
    response = client.get("/search/", {"q": "West Midlands network"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "A new regional co-production network for the West Midlands" in html
    assert "/news/new-west-midlands-regional-co-production-network/" in html


def test_empty_search_explains_what_to_do(client, home_page):
    html = client.get("/search/").content.decode()
    assert "Type a word or two" in html


def test_no_results_suggests_next_steps(client, home_page):
    html = client.get("/search/", {"q": "zzzyyyxxx"}).content.decode()
    assert "No results for" in html and "checking the spelling" in html


@pytest.mark.parametrize(
    "query",
    [
        "%",
        "100%",
        '"quoted',
        "it's",
        "😀 coaching",
        "' OR 1=1 --",
        "coaching; DROP TABLE wagtailcore_page;",
        "<script>alert(1)</script>",
        "a\x00b",
        "AND OR NOT",
        "*",
        "x" * 10_000,
    ],
)
def test_odd_queries_answer_200_with_a_helpful_page(client, home_page, query):
    make_content_page(home_page, title="Coaching leaders", summary="About coaching.")
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert html.count("<h1") == 1


def test_huge_query_is_cut_to_200_characters_and_says_so(client, home_page):
    html = client.get("/search/", {"q": "coaching " * 2000}).content.decode()
    assert "first 200 characters" in html
    assert "coaching " * 30 not in html


def test_results_are_paginated_and_page_beyond_last_shows_last(client, home_page):
    for n in range(12):
        make_content_page(home_page, title=f"Coaching note {n}")
    html = client.get("/search/", {"q": "coaching", "page": 99}).content.decode()
    assert "Page 2 of 2" in html


def test_promoted_result_comes_first(client, home_page):
    news = ensure_news_index(home_page)
    picked = make_news(news, title="Join a network")
    make_content_page(home_page, title="Network basics")
    query = Query.get("network")
    SearchPromotion.objects.create(query=query, page=picked, description="Start here.")
    html = client.get("/search/", {"q": "Network"}).content.decode()
    assert "Recommended" in html
    assert html.index("Join a network") < html.index("Network basics")


def test_unpublished_pages_are_not_found(client, home_page):
    page = make_content_page(home_page, title="Secret plans")
    page.unpublish()
    assert (
        "Secret plans" not in client.get("/search/", {"q": "secret"}).content.decode()
    )


@pytest.mark.parametrize("count", [5, 50])
def test_search_query_count_is_bounded(
    client, home_page, django_assert_max_num_queries, count
):
    from django.core.cache import cache

    news = ensure_news_index(home_page)
    for _ in range(count):
        make_news(news, summary="About coaching.")
    cache.clear()
    with django_assert_max_num_queries(15):
        response = client.get("/search/", {"q": "coaching " + "x" * 10_000})
    assert response.status_code == 200


def test_search_finds_people_and_links_to_them_on_the_people_page(client, demo_site):
    from home.models.snippets import Person

    amira = Person.objects.get(name__icontains="Amira")
    html = client.get("/search/", {"q": "amira"}).content.decode()
    assert "No results for" not in html
    assert f'#person-{amira.pk}"' in html
    assert amira.name in html
    from home.models.people import PeopleIndexPage

    people_url = PeopleIndexPage.objects.get().url
    assert f'href="{people_url}#person-{amira.pk}"' in html
    people_page = client.get(people_url).content.decode()
    assert f'id="person-{amira.pk}"' in people_page


def test_each_result_says_what_kind_of_thing_it_is(client, demo_site):
    html = client.get("/search/", {"q": "West Midlands network"}).content.decode()
    assert '<p class="search-results__kind">News</p>' in html


def test_people_are_not_offered_when_the_people_page_is_unpublished(client, demo_site):
    from home.models.people import PeopleIndexPage

    PeopleIndexPage.objects.get().unpublish()
    html = client.get("/search/", {"q": "amira"}).content.decode()
    assert "#person-" not in html


def test_people_search_costs_a_fixed_number_of_queries(
    client, demo_site, django_assert_max_num_queries
):
    client.get("/search/", {"q": "co-production"})
    with django_assert_max_num_queries(20):
        assert client.get("/search/", {"q": "partner manager"}).status_code == 200
