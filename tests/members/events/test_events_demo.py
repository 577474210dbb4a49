"""The events demo is built through the services and is the same when run twice."""

import pytest

from members.events import demo
from members.events.models import Event, EventBooking
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def test_demo_builds_the_promised_events_and_is_idempotent(member):
    UserFactory(email="cochair@example.org", groups=["Members"])
    UserFactory(email="partner@example.org", groups=["Members"])
    demo.load()
    first = sorted(EventBooking.objects.values_list("event__slug", "email", "status"))
    demo.load()
    assert (
        sorted(EventBooking.objects.values_list("event__slug", "email", "status"))
        == first
    )
    webinar = Event.objects.get(kind="webinar")
    workshop = Event.objects.get(slug="speaking-with-senior-leaders-workshop")
    roundtable = Event.objects.get(audience="invited")
    assert list(roundtable.invitations.values_list("email", flat=True)) == [
        "director@example.org"
    ]
    assert webinar.capacity == 250 and webinar.audience == "public"
    assert workshop.audience == "members"
    assert list(
        workshop.bookings.order_by("created_at").values_list("status", flat=True)
    ) == ["confirmed", "waiting"]
    assert EventBooking.objects.filter(user=member, event=webinar).exists()
    assert EventBooking.objects.filter(event=webinar, user__isnull=True).count() == 3
    # A past meeting whose attendance was marked: the member came.
    advisory = Event.objects.get(kind="advisory_group")
    assert advisory.is_past
    assert EventBooking.objects.get(event=advisory, user=member).attended is True
    assert sorted(advisory.bookings.values_list("attended", flat=True)) == [
        False,
        True,
        True,
    ]
