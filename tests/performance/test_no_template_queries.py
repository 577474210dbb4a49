"""Templates only show what their view prepared: no page's template runs a query.

A query fired while a template renders is a lazy queryset or relation the view did not
load (a card's region, an image's rendition, a count), and it runs once per item or again
on every request however much is cached. Each public page, listing and the home page's
slots are rendered here with a database hook that notes any query whose call stack passes
through Django's template engine, and names the template and the SQL.
"""

import sys

import pytest
from django.db import connection

from tests.performance.test_query_budgets import Site
from website import fragments

TEMPLATE_ENGINE = ("django/template/base.py", "django/template/loader_tags.py")


def _rendering_template():
    """The template being rendered when the query fired, or None outside templates."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename.endswith(TEMPLATE_ENGINE):
            node = frame.f_locals.get("self")
            origin = getattr(getattr(node, "origin", None), "name", None)
            return origin or frame.f_code.co_filename
        frame = frame.f_back
    return None


class TemplateQueries:
    def __init__(self):
        self.found = []

    def __call__(self, execute, sql, params, many, context):
        template = _rendering_template()
        if template is not None:
            self.found.append(f"{template}: {sql[:160]}")
        return execute(sql, params, many, context)


def template_queries(client, url):
    # Renditions, site settings rows and kept fragments are made by the first visits, as
    # on a live site; making a settings row bumps the generation, so twice.
    client.get(url)
    client.get(url)
    hook = TemplateQueries()
    with connection.execute_wrapper(hook):
        response = client.get(url)
    assert response.status_code == 200, url
    return hook.found


# The home page with its slots, every listing, and the pages that keep their pieces.
LISTINGS = (
    "home",
    "news index",
    "news by tag",
    "search",
    "networks index",
    "opportunities",
    "opportunities filtered",
    # Pages whose own pieces are kept (the stream, an article's authors and tags, an
    # opportunity's places, a network's breadcrumb and region).
    "content page",
    "programme page",
    "news article",
    "network page",
    "opportunity",
)


@pytest.fixture
def site(home_page, member, settings):
    """As in production: no page cache for these requests, fragments on (the menus and
    the home page's pieces are kept after the first request)."""
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CACHE_SECONDS = 60
    fragments.clear()
    built = Site(home_page, member)
    built.grow(3)
    yield built
    fragments.clear()


def test_the_home_page_and_listings_run_no_query_in_a_template(client, site):
    urls = site.public_urls()
    found = {
        name: queries
        for name in LISTINGS
        if (queries := template_queries(client, urls[name]))
    }
    assert not found, "\n".join(
        f"{name}: {q}" for name, qs in found.items() for q in qs
    )


def test_portal_pages_run_no_query_in_a_template(client, site, member):
    client.force_login(member)
    found = {
        name: queries
        for name, url in site.portal_urls().items()
        if (queries := template_queries(client, url))
    }
    assert not found, "\n".join(
        f"{name}: {q}" for name, qs in found.items() for q in qs
    )
