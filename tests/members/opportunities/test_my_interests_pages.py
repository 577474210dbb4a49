"""A member's list of interests is paginated like every other listing (IV-6): 25 a page,
any page number answered sensibly, and the cost flat however long the list grows."""

import pytest

from tests.factories.opportunities import (
    InterestFactory,
    ensure_index,
    make_opportunity,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def thirty_interests(home_page, member):
    index = ensure_index(home_page)
    for n in range(30):
        InterestFactory(
            member=member,
            opportunity=make_opportunity(index, title=f"Workshop {n:02d}"),
        )


def rows(response):
    return response.content.decode().count("<tr>") - 1  # less the header row


def test_long_lists_split_into_pages_with_a_way_through(
    client, member, thirty_interests
):
    client.force_login(member)
    first = client.get("/portal/interests/")
    assert first.status_code == 200
    assert rows(first) == 25
    assert "Page 1 of 2" in first.content.decode()
    second = client.get("/portal/interests/?page=2")
    assert rows(second) == 5
    assert 'rel="prev"' in second.content.decode()


@pytest.mark.parametrize("page", ["999999", "-1", "abc", "", "9" * 10_000])
def test_any_page_number_gets_a_page(client, member, thirty_interests, page):
    client.force_login(member)
    response = client.get("/portal/interests/", {"page": page})
    assert response.status_code == 200
    assert rows(response) in (25, 5)


def test_the_cost_does_not_grow_with_the_list(
    client, member, thirty_interests, django_assert_max_num_queries
):
    client.force_login(member)
    client.get("/portal/interests/")
    with django_assert_max_num_queries(10):
        client.get("/portal/interests/?page=2")
