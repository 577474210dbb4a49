"""The network page's content is rendered once for everyone not signed in and kept until
anything public changes (`{% keep ... visitors %}`); members always get their own."""

import pytest

from tests.factories.networks import MeetingFactory, MembershipFactory, make_network


@pytest.fixture
def network(home_page, fragments_on):
    return make_network(home_page)


def test_visitors_get_the_kept_page_and_a_new_meeting_shows_at_once(client, network):
    first = client.get(network.url).content.decode()
    assert "No meetings are planned at the moment." in first
    assert client.get(network.url).content.decode() == first
    MeetingFactory(network=network, title="Spring gathering")
    again = client.get(network.url).content.decode()
    assert "Spring gathering" in again
    assert "No meetings are planned" not in again


def test_members_never_get_the_visitors_copy(client, network, member):
    MeetingFactory(network=network, title="Spring gathering")
    visitors = client.get(network.url).content.decode()
    assert "Sign in</a> to" in visitors and "Book a place" not in visitors
    MembershipFactory(network=network, user=member)
    client.force_login(member)
    members = client.get(network.url).content.decode()
    assert "You are a member of this network." in members
    assert "Book a place" in members
    assert "Sign in</a> to" not in members
