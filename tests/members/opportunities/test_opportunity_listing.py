"""The /opportunities/ listing: order, filters without JS, pagination, privacy, query budget."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from tests.factories.opportunities import (
    InterestFactory,
    ensure_index,
    make_opportunity,
)


@pytest.fixture
def index(home_page):
    return ensure_index(home_page)


def titles(response):
    return [o.title for o in response.context["opportunities"]]


def test_open_opportunities_are_listed_soonest_closing_first(client, index):
    now = timezone.now()
    make_opportunity(index, title="Later", closes_at=now + timedelta(days=30))
    make_opportunity(index, title="Sooner", closes_at=now + timedelta(days=3))
    make_opportunity(index, title="Gone", closes_at=now - timedelta(days=2))
    response = client.get("/opportunities/")
    assert response.status_code == 200
    assert titles(response) == ["Sooner", "Later"]
    assert [o.title for o in response.context["recently_closed"]] == ["Gone"]
    html = response.content.decode()
    assert "Recently closed" in html
    assert html.count("<h1") == 1


def test_cards_say_days_to_close_and_places_left(client, index, member, member_other):
    opportunity = make_opportunity(
        index,
        title="Panel",
        places=3,
        # Noon five calendar days ahead: "now + 5 days" is six calendar days late at night.
        closes_at=timezone.make_aware(
            datetime.combine(timezone.localdate() + timedelta(days=5), time(12))
        ),
    )
    InterestFactory(opportunity=opportunity, member=member, status="accepted")
    InterestFactory(opportunity=opportunity, member=member_other, status="submitted")
    html = client.get("/opportunities/").content.decode()
    assert "Closes in 5 days" in html
    assert "2 places left" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=research", ["Research online"]),
        ("region=london", ["Event London"]),
        ("format=in_person", ["Event London", "Paid coaching"]),
        ("format=online", ["Research online", "Paid coaching"]),
        ("pay=paid", ["Paid coaching"]),
        ("pay=voluntary", ["Research online", "Event London"]),
        ("closing_soon=on", ["Research online"]),
    ],
)
def test_filters_work_as_a_plain_get_form(client, index, query, expected):
    now = timezone.now()
    make_opportunity(
        index,
        title="Research online",
        opportunity_type="research",
        regions=["online"],
        closes_at=now + timedelta(days=4),
    )
    make_opportunity(
        index,
        title="Event London",
        opportunity_type="event",
        format="in_person",
        regions=["london"],
        closes_at=now + timedelta(days=20),
    )
    make_opportunity(
        index,
        title="Paid coaching",
        payment_unit="session",
        format="hybrid",
        closes_at=now + timedelta(days=25),
    )
    response = client.get(f"/opportunities/?{query}")
    assert response.status_code == 200
    assert sorted(titles(response)) == sorted(expected)


@pytest.mark.parametrize(
    "query",
    [
        "type=nonsense",
        "region=%00",
        "region=nowhere&type=research&type=",
        "pay=free&format=underwater&closing_soon=maybe",
        "page=abc",
        "page=-1",
        "page=99999999999999999999",
        "unknown=1&q=<script>alert(1)</script>",
        "type=" + "x" * 5000,
        "region=%F0%9F%98%80",
    ],
)
def test_unknown_or_malformed_filters_are_ignored_never_500(client, index, query):
    make_opportunity(index, title="Still listed")
    response = client.get(f"/opportunities/?{query}")
    assert response.status_code == 200
    assert "Still listed" in response.content.decode()
    assert "<script>alert" not in response.content.decode()


def test_page_beyond_the_last_shows_the_last_page(client, index):
    for _ in range(14):
        make_opportunity(index)
    first = client.get("/opportunities/")
    assert len(first.context["opportunities"]) == 12
    assert "Page 1 of 2" in first.content.decode()
    beyond = client.get("/opportunities/?page=50")
    assert beyond.status_code == 200
    assert beyond.context["page_obj"].number == 2
    assert len(beyond.context["opportunities"]) == 2


def test_pagination_links_keep_the_filters(client, index):
    for _ in range(13):
        make_opportunity(index, opportunity_type="research")
    html = client.get("/opportunities/?type=research").content.decode()
    assert "?type=research&amp;page=2" in html


def test_members_only_opportunities_are_hidden_from_anonymous_visitors(
    client, index, member
):
    make_opportunity(index, title="Public one")
    make_opportunity(index, title="Members one", audience="members")
    assert titles(client.get("/opportunities/")) == ["Public one"]
    client.force_login(member)
    assert sorted(titles(client.get("/opportunities/"))) == [
        "Members one",
        "Public one",
    ]


def test_unpublished_opportunities_are_never_listed(client, index, member):
    make_opportunity(index, title="Draft", publish=False)
    client.force_login(member)
    assert titles(client.get("/opportunities/")) == []


@pytest.mark.parametrize("count", [5, 200])
def test_listing_and_detail_query_counts_do_not_grow_with_data(
    client, index, member, member_other, count, django_assert_max_num_queries
):
    for i in range(count):
        opportunity = make_opportunity(index, regions=["west-midlands", "online"])
        if i < 20:
            InterestFactory(
                opportunity=opportunity, member=member_other, status="accepted"
            )
    InterestFactory(opportunity=opportunity, member=member)
    client.get("/opportunities/")  # first request creates per-site settings rows
    with django_assert_max_num_queries(15):
        assert client.get("/opportunities/?page=2").status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(opportunity.url).status_code == 200
    client.force_login(member)
    with django_assert_max_num_queries(15):
        assert client.get("/opportunities/?region=west-midlands").status_code == 200
    # Wagtail's routing (5) and the user bar's permission check (2) are outside our code.
    with django_assert_max_num_queries(17):
        assert client.get(opportunity.url).status_code == 200


def test_listing_has_a_meta_description_from_its_introduction(client, db):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    html = client.get("/opportunities/").content.decode()
    assert '<meta name="description" content="Coaching and mentoring' in html
