"""What website/wagtail_internals.py relies on in Wagtail and django-treebeard still holds.

If one of these fails after an upgrade, the private attribute it names has changed: read the
module's docstring, measure again (tests/performance/test_query_budgets.py) and either follow
the change or drop the shortcut.
"""

from pathlib import Path

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail import views as wagtail_views
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from home import routing
from home.models import ContentPage, NewsPage
from tests.factories.home import ensure_news_index, make_content_page, make_news
from website import wagtail_internals

ROOT = Path(__file__).resolve().parents[2]
PRIVATE_NAMES = (
    "_wagtail_route_for_request",
    "_cached_parent_obj",
    "_wagtail_site",
    "_wagtail_cached_site_root_paths",
)


def test_wagtail_caches_its_route_where_supply_route_puts_it(home_page):
    request = RequestFactory().get("/")
    route = Page.route_for_request(request, "/")
    assert route is not None and route.page.pk == home_page.pk
    assert getattr(request, "_wagtail_route_for_request", None) is route, (
        "Wagtail's Page.route_for_request no longer caches on "
        "request._wagtail_route_for_request: website.wagtail_internals.supply_route has no "
        "effect and every page is routed twice (see its docstring)"
    )


def test_a_supplied_route_is_what_wagtail_serves_without_a_query(
    home_page, django_assert_num_queries
):
    page = make_content_page(home_page)
    request = RequestFactory().get("/no-such-page/")
    wagtail_internals.supply_route(request, lambda: RouteResult(page))
    with django_assert_num_queries(0):
        route = Page.route_for_request(request, "/no-such-page/")
    assert route.page is page, (
        "Wagtail's Page.route_for_request ignores a route already on "
        "request._wagtail_route_for_request: see website/wagtail_internals.py"
    )

    nothing = RequestFactory().get("/")
    wagtail_internals.supply_route(nothing, lambda: None)
    with pytest.raises(Http404):
        wagtail_views.serve(nothing, "/")


def test_a_route_wagtail_already_found_is_kept(home_page):
    request = RequestFactory().get("/")
    found = Page.route_for_request(request, "/")
    wagtail_internals.supply_route(request, lambda: pytest.fail("routed twice"))
    assert Page.route_for_request(request, "/") is found


def test_the_site_serves_the_page_our_routing_found(client, home_page, monkeypatch):
    page = make_content_page(home_page, title="Found our way")
    monkeypatch.setattr(routing, "_route", lambda request, path: RouteResult(page))
    response = client.get("/not-a-page-wagtail-would-find/")
    assert response.status_code == 200
    assert "Found our way" in response.text


def test_get_parent_returns_a_remembered_parent_without_a_query(
    home_page, django_assert_num_queries
):
    page = ContentPage.objects.get(pk=make_content_page(home_page).pk)
    parent = object()  # not a page: proves the value is returned as given
    wagtail_internals.remember_parent(page, parent)
    with django_assert_num_queries(0):
        found = page.get_parent()
    assert found is parent, (
        "treebeard's get_parent no longer returns page._cached_parent_obj: "
        "website.wagtail_internals.remember_parent saves nothing (see its docstring)"
    )


def test_routing_remembers_a_childs_parent(home_page, django_assert_num_queries):
    news = ensure_news_index(home_page)
    article = make_news(news)
    route = routing._route(RequestFactory().get(article.url), article.url)
    assert isinstance(route.page, NewsPage)
    with django_assert_num_queries(0):
        assert route.page.get_parent().pk == news.pk


def test_only_wagtail_internals_touches_the_private_attributes():
    elsewhere = [
        f"{path.relative_to(ROOT)}: {name}"
        for app in ("website", "home", "members", "networks")
        for path in (ROOT / app).rglob("*.py")
        if path != ROOT / "website" / "wagtail_internals.py"
        for name in PRIVATE_NAMES
        if name in path.read_text()
    ]
    assert elsewhere == [], "use website/wagtail_internals.py instead:\n" + "\n".join(
        elsewhere
    )
