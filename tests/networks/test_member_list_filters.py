"""Staff can narrow the member list by network and by region, each filter named plainly."""

import pytest

from home.models.snippets import Region
from members.models import MemberProfile
from tests.factories.networks import MembershipFactory, make_network
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db
LIST = "/admin/members/memberprofile/"


def profile(email, region=None):
    user = UserFactory(email=email, groups=["Members"])
    return MemberProfile.objects.update_or_create(
        user=user, defaults={"region": region}
    )[0]


def test_the_member_list_filters_by_network(client, staff, home_page):
    west = make_network(home_page, slug="west-midlands")
    north = make_network(home_page, slug="north-east")
    amira = profile("amira@example.org")
    ben = profile("ben@example.org")
    MembershipFactory(network=west, user=amira.user)
    MembershipFactory(network=north, user=ben.user)
    client.force_login(staff)
    html = client.get(LIST).content.decode()
    assert "By network" in html
    filtered = client.get(f"{LIST}?network={west.pk}").content.decode()
    assert "amira@example.org" in filtered
    assert "ben@example.org" not in filtered


def test_the_region_filter_is_called_region_and_filters(client, staff, home_page):
    north, _ = Region.objects.get_or_create(name="North East", defaults={"slug": "ne"})
    south, _ = Region.objects.get_or_create(name="South West", defaults={"slug": "sw"})
    profile("cara@example.org", region=north)
    profile("dev@example.org", region=south)
    client.force_login(staff)
    html = client.get(LIST).content.decode()
    assert "By region" in html
    assert "By name" not in html
    filtered = client.get(f"{LIST}?region={north.pk}").content.decode()
    assert "cara@example.org" in filtered
    assert "dev@example.org" not in filtered


def test_a_nonsense_filter_value_shows_the_whole_list(client, staff, home_page):
    profile("eve@example.org")
    client.force_login(staff)
    for query in ("?network=abc", "?region=%27;--", "?network=" + "9" * 40):
        response = client.get(LIST + query)
        assert response.status_code == 200, query
        assert "eve@example.org" in response.content.decode(), query
