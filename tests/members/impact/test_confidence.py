"""Leaders' confidence before and after a learning set: averages of 5 or more leaders,
over every set so far whatever the dates, so two date ranges never give one leader's
own answers away."""

import datetime

import pytest
from django.urls import reverse

from members.impact import figures
from members.impact.figures import Filters
from members.learning.models import LearningSet, SetLeader
from tests.factories import UserFactory
from tests.members.impact.conftest import moment

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(regions):
    learning_set = LearningSet.objects.create(
        name="Power in commissioning",
        focus="Sharing decisions",
        region=regions["west-midlands"],
        starts_on=datetime.date(2026, 1, 10),
        ends_on=datetime.date(2026, 6, 1),
    )
    # Five leaders joined in January, a sixth in March with answers of 1 and 5.
    for n, (before, after, joined) in enumerate(
        [(2, 4, moment(2026, 1, 12))] * 5 + [(1, 5, moment(2026, 3, 2))]
    ):
        SetLeader.objects.create(
            learning_set=learning_set,
            leader=UserFactory(email=f"leader{n}@example.org"),
            confidence_before=before,
            confidence_after=after,
            joined_at=joined,
        )


def test_a_date_range_cannot_be_set_against_another_to_find_one_leader(answered):
    everyone = figures.report(Filters())["confidence"]
    january = figures.report(
        Filters(start=datetime.date(2026, 1, 1), end=datetime.date(2026, 1, 31))
    )["confidence"]
    assert (everyone["people"].text, everyone["before"], everyone["after"]) == (
        "6",
        1.8,
        4.2,
    )
    # Without this, January would read 5 leaders at 2.0 and 4.0, and the sixth
    # leader's own 1 and 5 would follow from the two.
    assert january == everyone


def test_the_report_says_the_averages_ignore_the_dates(client, staff, answered):
    client.force_login(staff)
    page = client.get(reverse("impact_admin:report"), {"start": "2026-01-01"})
    assert "over every set so far, whatever the dates" in page.content.decode()
    assert "whatever the dates" not in (
        client.get(reverse("impact_admin:report")).content.decode()
    )
