"""The demo: the safeguarding lead's account in that group only, and one closed concern
the partner raised, with an outcome; a second run changes nothing."""

import pytest

from members.models import User
from members.safeguarding import demo, permissions
from members.safeguarding.models import Concern

pytestmark = pytest.mark.django_db


def test_the_demo_makes_the_lead_and_one_closed_concern_once(partner, settings):
    demo.load()
    demo.load()
    lead = User.objects.get(email="safeguarding@example.org")
    assert list(lead.groups.values_list("name", flat=True)) == ["Safeguarding leads"]
    assert lead.check_password(settings.DEMO_PASSWORD)
    assert permissions.can_read_log(lead)
    (concern,) = Concern.objects.all()
    assert concern.raised_by == partner and concern.status == Concern.Status.CLOSED
    assert concern.outcome and concern.closed_by == lead
    assert concern.closed_at > concern.created_at
