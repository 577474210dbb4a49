"""Two networks and a person in every role the network rules care about."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from tests.factories.networks import CoChairFactory, MembershipFactory, make_network


@pytest.fixture
def network(home_page):
    return make_network(home_page, "west-midlands", moderate_updates=False)


@pytest.fixture
def other_network(home_page):
    return make_network(home_page, "north-west")


@pytest.fixture
def cochair(network):
    user = UserFactory(
        email="cochair@example.org", first_name="Cass", groups=["Members"]
    )
    CoChairFactory(network=network, user=user, role_title="Lived experience co-chair")
    return user


@pytest.fixture
def cochair_other(other_network):
    user = UserFactory(email="cochair.nw@example.org", groups=["Members"])
    CoChairFactory(network=other_network, user=user)
    return user


@pytest.fixture
def past_cochair(network):
    user = UserFactory(email="past.cochair@example.org", groups=["Members"])
    today = timezone.localdate()
    CoChairFactory(
        network=network,
        user=user,
        term_start=today - timedelta(days=800),
        term_end=today - timedelta(days=1),
    )
    return user


@pytest.fixture
def network_member(network, member):
    MembershipFactory(network=network, user=member)
    return member


@pytest.fixture
def other_network_member(other_network, member_other):
    MembershipFactory(network=other_network, user=member_other)
    return member_other


@pytest.fixture
def lone_member(db):
    """A member of the programme who belongs to no network."""
    return UserFactory(email="lone.member@example.org", groups=["Members"])
