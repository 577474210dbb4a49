"""Factories for networks: pages are added under the test site's home page."""

from datetime import timedelta

import factory
from django.utils import timezone

from networks.models import (
    CoChairUpdate,
    JoinRequest,
    Meeting,
    NetworkCoChair,
    NetworkIndexPage,
    NetworkMembership,
    NetworkPage,
)
from networks.models.updates import UpdateStatus, UpdateVisibility
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


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title = factory.Sequence(lambda n: f"Meeting {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    place_summary = "Birmingham"
    joining_details = "Room 4, Council House. Code MEMBERS-ONLY-DETAIL."
    accessibility = "Step-free access."
    places = 10
