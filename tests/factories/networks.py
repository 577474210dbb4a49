"""Factories for networks: pages are added under the test site's home page."""

import itertools
from datetime import timedelta

import factory
from django.utils import timezone

from networks.models import (
    CoChairUpdate,
    JoinRequest,
    NetworkCoChair,
    NetworkIndexPage,
    NetworkMembership,
    NetworkPage,
)
from networks.models.updates import UpdateStatus, UpdateVisibility
from networks.services import meetings
from tests.factories.users import UserFactory


def network_index(home_page):
    index = NetworkIndexPage.objects.child_of(home_page).first()
    if index is None:
        index = NetworkIndexPage(title="Regional networks", slug="networks")
        home_page.add_child(instance=index)
        index.save_revision().publish()
    return index


def make_network(home_page, slug="west-midlands", title=None, **fields):
    """A live NetworkPage under /networks/; fields override the page's settings."""
    index = network_index(home_page)
    page = NetworkPage(
        title=title or slug.replace("-", " ").title() + " Network",
        slug=slug,
        purpose=f"Co-production in {slug}.",
        **fields,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return NetworkPage.objects.get(pk=page.pk)


class CoChairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkCoChair

    user = factory.SubFactory(UserFactory, groups=["Members"])
    role_title = "Lived experience co-chair"
    term_start = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    term_end = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=300))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMembership

    user = factory.SubFactory(UserFactory, groups=["Members"])


class JoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JoinRequest

    user = factory.SubFactory(UserFactory, groups=["Members"])
    message = "I would like to help."


class UpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoChairUpdate

    title = factory.Sequence(lambda n: f"Update {n}")
    body = "<p>News from the network.</p>"
    visibility = UpdateVisibility.PUBLIC
    status = UpdateStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    emailed_at = factory.LazyFunction(timezone.now)


def MeetingFactory(network, **fields):  # noqa: N802 - used like the factories above
    """A meeting of `network`: an event the network organises, as a co-chair adds one.
    Takes the event's field names (capacity, venue_name, access_notes ...)."""
    starts_at = fields.pop("starts_at", timezone.now() + timedelta(days=10))
    values = {
        "title": f"Meeting {next(_meeting_numbers)}",
        "ends_at": starts_at + timedelta(hours=2),
        "format": "online",
        "venue_name": "Birmingham",
        "joining_details": "Room 4, Council House. Code MEMBERS-ONLY-DETAIL.",
        "access_notes": "Step-free access.",
        "capacity": 10,
        **fields,
    }
    meeting = meetings.add_meeting(None, network, starts_at=starts_at, **values)
    meeting.network = network
    return meeting


_meeting_numbers = itertools.count(1)
