"""Every listing bounds its page size and survives any page number (security checklist IV-6).

Past the end shows the last page, junk and numbers below one show the first, a number too
long to read is junk, and `per_page` (or any other size parameter) is ignored: each page
holds at most its fixed size. The project's Wagtail admin listings (wagtail-modeladmin) take
their page number as `p`; both names are tried everywhere.
"""

import re

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.security.access_matrix import kwargs_for

pytestmark = pytest.mark.django_db

BAD_PAGES = {
    "past-the-end": "999999",
    "negative": "-1",
    "zero": "0",
    "letters": "abc",
    "ten-thousand-digits": "9" * 10_000,
    "huge": "99999999999999999999999",
    "fraction": "1.5",
}
SIZE_PARAMETERS = ("per_page", "page_size", "limit", "n", "size")

# (path or route name, query, role). Each row is a listing a person can page through.
LISTINGS = {
    "news index": ("/news/", {}, "anonymous"),
    "news tag page": ("/news/", {"tag": "care"}, "anonymous"),
    "opportunities": ("/opportunities/", {}, "member"),
    "opportunities filtered": (
        "/opportunities/",
        {"region": "west-midlands"},
        "member",
    ),
    "networks index": ("/networks/", {}, "anonymous"),
    "network page and its updates": ("/networks/west-midlands/", {}, "member"),
    "search results": ("/search/", {"q": "care"}, "anonymous"),
    "portal": ("members:portal", {}, "member"),
    "portal interests": ("members:my_interests", {}, "member"),
    "portal pairings": ("members:pairing_list", {}, "member"),
    "co-chair workspace": ("networks:workspace", {}, "cochair"),
    "co-chair member directory": ("networks:members", {}, "cochair"),
    "co-chair meeting registrations": (
        "networks:meeting_registrations",
        {},
        "cochair",
    ),
    "admin enquiries": ("members_enquiry_modeladmin_index", {}, "staff"),
    "admin expressions of interest": (
        "members_expressionofinterest_modeladmin_index",
        {},
        "staff",
    ),
    "admin member profiles": ("members_memberprofile_modeladmin_index", {}, "staff"),
    "admin invitations": ("members_invitation_modeladmin_index", {}, "staff"),
    "admin applications": ("members_application_modeladmin_index", {}, "staff"),
    "admin co-chairs": ("networks_networkcochair_modeladmin_index", {}, "staff"),
    "admin memberships": ("networks_networkmembership_modeladmin_index", {}, "staff"),
    "admin join requests": ("networks_joinrequest_modeladmin_index", {}, "staff"),
    "admin co-chair updates": ("networks_cochairupdate_modeladmin_index", {}, "staff"),
    "admin moderation": ("networks_moderation", {}, "staff"),
    "admin pairings": ("pairings_admin:index", {}, "staff"),
    "admin involvement payments": ("payments_admin:queue", {}, "staff"),
    "admin partner suggestions": ("pairings_admin:propose", {}, "staff"),
    "admin opportunity interests bulk": ("opportunity_interests_bulk", {}, "staff"),
}
QUERY_BUDGET = 60

# How many rows a listing is built with, and the most any one page may show.
BIG_LISTINGS = {
    "news index": ("/news/", 10, r'class="card__title"'),
    "opportunities": ("/opportunities/", 12, r'class="card__title"'),
}


@pytest.fixture(scope="module")
def listing_world(world):
    """The shared world plus the public pages the listings live on, each with one page
    more than fits, inside the world's module transaction."""
    from home.models import HomePage
    from tests.factories.enquiries import make_enquiry_page
    from tests.factories.home import ensure_news_index, make_news
    from tests.factories.networks import network_index
    from tests.factories.opportunities import ensure_index, make_opportunity

    home = HomePage.objects.first()
    news = ensure_news_index(home)
    for number in range(BIG_LISTINGS["news index"][1] + 1):
        make_news(news, title=f"Care news {number}", tags=["care"])
    opportunities = ensure_index(home)
    for number in range(BIG_LISTINGS["opportunities"][1]):
        make_opportunity(opportunities, title=f"Care opportunity {number}")
    network_index(home)
    make_enquiry_page(home)
    return world


@pytest.fixture(scope="module")
def role_clients(listing_world):
    clients = {"anonymous": Client()}
    for role in ("member", "cochair", "staff"):
        clients[role] = Client()
        clients[role].force_login(listing_world.users[role])
    return clients


def cards(html):
    """The titles of the cards a listing shows, in order."""
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]*)<', html)


def listing_url(target, world):
    if target.startswith("/"):
        return target
    return reverse(target, kwargs=kwargs_for(target, world.objects))


def get(client, url, params):
    """A GET whose writes (none expected) are undone, so tests never affect each other."""
    cache.clear()
    savepoint = transaction.savepoint()
    try:
        return client.get(url, params)
    finally:
        transaction.savepoint_rollback(savepoint)


def test_iv6_every_listing_is_reachable_before_the_bad_values(
    listing_world, role_clients
):
    for name, (target, query, role) in LISTINGS.items():
        url = listing_url(target, listing_world)
        response = get(role_clients[role], url, query)
        assert response.status_code == 200, f"{name}: {url} -> {response.status_code}"


@pytest.mark.parametrize("value", BAD_PAGES.values(), ids=BAD_PAGES.keys())
@pytest.mark.parametrize("listing", LISTINGS)
def test_iv6_bad_page_numbers_and_sizes_never_break_a_listing(
    listing, value, listing_world, role_clients, django_assert_max_num_queries
):
    target, query, role = LISTINGS[listing]
    url = listing_url(target, listing_world)
    params = {**query, "page": value, "p": value, "per_page": "10000"}
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = get(role_clients[role], url, params)
    assert response.status_code == 200, f"{listing}: {url} -> {response.status_code}"


@pytest.mark.parametrize("listing", BIG_LISTINGS)
def test_iv6_page_size_parameters_are_ignored(listing, listing_world, role_clients):
    url, size, item = BIG_LISTINGS[listing]
    client = role_clients[LISTINGS[listing][2]]
    normal = get(client, url, {}).content.decode()
    assert len(re.findall(item, normal)) == size
    for parameter in SIZE_PARAMETERS:
        response = get(client, url, {parameter: "10000"})
        assert response.status_code == 200
        assert len(re.findall(item, response.content.decode())) == size, parameter


@pytest.mark.parametrize("listing", BIG_LISTINGS)
def test_iv6_a_page_past_the_end_shows_the_last_page(
    listing, listing_world, role_clients
):
    url, size, item = BIG_LISTINGS[listing]
    client = role_clients[LISTINGS[listing][2]]
    last = get(client, url, {"page": "2"}).content.decode()
    assert len(re.findall(item, last)) == 1
    for value in ("3", "999999", "99999999999999999999999"):
        response = get(client, url, {"page": value})
        assert response.status_code == 200
        html = response.content.decode()
        assert cards(html) == cards(last), value


@pytest.mark.parametrize("value", ("-1", "0", "abc", ""))
@pytest.mark.parametrize("listing", BIG_LISTINGS)
def test_iv6_junk_or_a_number_below_one_shows_the_first_page(
    listing, value, listing_world, role_clients
):
    url, size, item = BIG_LISTINGS[listing]
    client = role_clients[LISTINGS[listing][2]]
    first = get(client, url, {}).content.decode()
    response = get(client, url, {"page": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert len(re.findall(item, html)) == size
    assert cards(html) == cards(first)


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("2", 2),
        ("0", 1),
        ("-1", 1),
        ("abc", 1),
        ("", 1),
        (None, 1),
        ("1.5", 1),
        ("٣", 1),  # a digit, but not one a page link would ever hold
        ("9" * 10_000, 999_999_999),
    ],
)
def test_iv6_page_numbers_are_read_one_way(value, number):
    from home.pagination import page_number

    assert page_number(value) == number


def test_iv6_admin_listings_ignore_lookups_they_do_not_offer(
    listing_world, role_clients
):
    """modeladmin used to apply any query parameter as a filter (a 500 for `per_page`, and
    a way to probe fields the screen never shows, such as a user's password hash)."""
    from members.models import Enquiry

    reference = Enquiry.objects.get(pk=listing_world.objects["enquiry"]).reference
    url = reverse("members_enquiry_modeladmin_index")
    client = role_clients["staff"]
    for probe in (
        {"email__startswith": "nobody-has-this"},
        {"assignee__password__startswith": "md5"},
        {"reference": "nothing"},
    ):
        response = get(client, url, probe)
        assert response.status_code == 200, probe
        assert reference in response.content.decode(), probe


def test_iv6_an_admin_filter_value_that_cannot_apply_is_a_message_not_a_500(
    listing_world, role_clients
):
    url = reverse("members_expressionofinterest_modeladmin_index")
    client = role_clients["staff"]
    response = get(client, url, {"created_at__gte": "not-a-date"})
    assert response.status_code == 302
    assert response["Location"] == url
    followed = get(client, url, {})
    assert "That filter could not be applied." in followed.content.decode()
