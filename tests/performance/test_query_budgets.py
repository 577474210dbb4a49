"""Every public page type and portal page makes the same number of queries with 1× and 20×
the data, within its budget, with cold caches (the page cache off, Django's cache emptied).

The targets are 12 queries for public pages and 15 for portal pages (issue 11), and every
page meets them; home/routing.py explains where Wagtail's own routing queries were saved.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import Region
from tests.factories.enquiries import make_enquiry_page
from tests.factories.home import (
    PersonFactory,
    ensure_news_index,
    make_content_page,
    make_image,
    make_news,
    make_people_page,
    make_programme_page,
)
from tests.factories.networks import (
    CoChairFactory,
    MeetingFactory,
    MembershipFactory,
    UpdateFactory,
    make_network,
    network_index,
)
from tests.factories.opportunities import (
    InterestFactory,
    ensure_index,
    make_opportunity,
)

PUBLIC_TARGET = 12
PORTAL_TARGET = 15


class Site:
    """The pages of one site, grown in steps so the same pages can be measured twice."""

    def __init__(self, home_page, member):
        self.home = home_page
        self.member = member
        self.image = make_image()
        self.news = ensure_news_index(home_page)
        self.opportunities = ensure_index(home_page)
        network_index(home_page)
        self.network = make_network(home_page)
        self.programme = make_programme_page(home_page, listing_image=self.image)
        home_page.featured_programme = self.programme
        home_page.save_revision().publish()
        self.content = make_content_page(home_page, title="About co-production")
        self.people = make_people_page(home_page)
        self.enquiry = make_enquiry_page(home_page)
        self.articles = []
        self.openings = []
        self.networks = []

    def grow(self, times):
        for n in range(times):
            person = PersonFactory(photo=self.image, photo_alt_text="A portrait")
            self.articles.append(
                make_news(
                    self.news,
                    title=f"Network news {len(self.articles)}",
                    listing_image=self.image,
                    tags=[f"Topic {n % 5}"],
                    authors=[person],
                )
            )
            opening = make_opportunity(
                self.opportunities, title=f"Coaching network {len(self.openings)}"
            )
            self.openings.append(opening)
            InterestFactory(
                opportunity=opening, member=MembershipFactory(network=self.network).user
            )
            UpdateFactory(network=self.network, title=f"Network update {n}")
            MeetingFactory(network=self.network, title=f"Network meeting {n}")
            make_content_page(self.content, title=f"Sub page {n}")
            # More networks, each with a region and a co-chair: the index and the home
            # page's networks slot must not fetch those one network at a time.
            network = make_network(
                self.home,
                slug=f"network-{len(self.networks)}",
                region=Region.objects.order_by("pk")[n % 9],
            )
            CoChairFactory(network=network)
            self.networks.append(network)

    def public_urls(self):
        return {
            "home": "/",
            "content page": self.content.url,
            "programme page": self.programme.url,
            "news index": self.news.url,
            "news by tag": self.news.url + "?tag=topic-0",
            "news article": self.articles[0].url,
            "people page": self.people.url,
            "search": "/search/?q=network",
            "networks index": "/networks/",
            "network page": self.network.url,
            "opportunities": self.opportunities.url,
            "opportunities filtered": self.opportunities.url
            + "?region=west-midlands&closing_soon=1",
            "opportunity": self.openings[0].url,
            "enquiry page": self.enquiry.url,
        }

    def portal_urls(self):
        return {
            "member dashboard": "/portal/",
            "profile": "/portal/profile/",
            "my interests": "/portal/interests/",
            "my pairings": "/portal/pairings/",
            "my data": "/portal/my-data/",
        }


def count_queries(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def measure(client, urls):
    for (
        url
    ) in urls.values():  # renditions and first-visit rows exist, as on a live site
        client.get(url)
    return {name: count_queries(client, url) for name, url in urls.items()}


@pytest.fixture
def site(home_page, member, settings):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 0
    assert Region.objects.filter(slug="west-midlands").exists()
    return Site(home_page, member)


def test_public_pages_cost_the_same_at_twenty_times_the_data(client, site):
    site.grow(1)
    small = measure(client, site.public_urls())
    site.grow(19)
    large = measure(client, site.public_urls())
    print("public queries, 1× → 20×:", {n: (small[n], c) for n, c in large.items()})
    for name, count in large.items():
        assert count <= small[name], f"{name}: {small[name]} → {count} queries"
        assert count <= PUBLIC_TARGET, (
            f"{name}: {count} queries (target {PUBLIC_TARGET})"
        )


def test_portal_pages_cost_the_same_at_twenty_times_the_data(client, site, member):
    client.force_login(member)
    site.grow(1)
    small = measure(client, site.portal_urls())
    site.grow(19)
    large = measure(client, site.portal_urls())
    for name, count in large.items():
        assert count <= small[name], f"{name}: {small[name]} → {count} queries"
        assert count <= PORTAL_TARGET, (
            f"{name}: {count} queries (target {PORTAL_TARGET})"
        )
