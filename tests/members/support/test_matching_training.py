"""Matching respects partners' training: in-date training ranks first and says why, on
the staff's "Propose a partner" page, in a bounded number of queries for 2,000 partners."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from members.coaching.matching import partner_queryset, rank_partners
from members.models import User
from members.support import services, training
from members.support.models import TrainingCompletion, TrainingCourse
from tests.factories.pairings import make_enquiry, make_partner
from tests.members.coaching.test_matching import _bulk_partners

pytestmark = pytest.mark.django_db


@pytest.fixture
def enquiry():
    return make_enquiry(region_slug="west-midlands", enquiry_type="coaching")


@pytest.fixture
def safeguarding():
    return TrainingCourse.objects.create(name="Safeguarding adults", valid_months=12)


def _day(value):
    return f"{value.day} {value:%B %Y}"


def test_trained_partner_ranks_above_an_otherwise_equal_untrained_one(
    client, staff, enquiry, safeguarding
):
    # "Alex" would come first on name alone; only training puts "Blake" above.
    untrained = make_partner("alex@example.org", first_name="Alex")
    trained = make_partner("blake@example.org", first_name="Blake")
    done = timezone.localdate() - timedelta(days=10)
    completion = services.record_completion(trained, safeguarding, done, by=staff)

    ranked = rank_partners(enquiry)
    assert [s.user.email for s in ranked] == [trained.email, untrained.email]
    reason = (
        f"Training in date: Safeguarding adults (until {_day(completion.expires_on)})"
    )
    assert ranked[0].reasons[0] == reason
    assert not any(r.startswith("Training") for r in ranked[1].reasons)

    client.force_login(staff)
    page = client.get(reverse("pairings_admin:propose", args=[enquiry.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert f"<li>{reason}</li>" in html
    assert html.index(f'value="{trained.pk}"') < html.index(f'value="{untrained.pk}"')
    assert "training is in date first" in html


def test_training_that_ran_out_does_not_count_but_is_shown(enquiry, safeguarding):
    lapsed = make_partner("lapsed@example.org", first_name="Alex")
    plain = make_partner("plain@example.org", first_name="Blake")
    TrainingCompletion.objects.create(
        partner=lapsed,
        course=safeguarding,
        completed_on=date(2024, 1, 5),
        expires_on=date(2025, 1, 5),
    )
    ranked = rank_partners(enquiry)
    assert [s.user.email for s in ranked] == [lapsed.email, plain.email]  # by name
    assert ranked[0].reasons[0] == (
        "Training out of date: Safeguarding adults (ran out on 5 January 2025)"
    )


def test_a_renewed_course_counts_from_its_latest_completion(staff, safeguarding):
    partner = make_partner("renewed@example.org")
    TrainingCompletion.objects.create(
        partner=partner,
        course=safeguarding,
        completed_on=date(2023, 1, 5),
        expires_on=date(2024, 1, 5),
    )
    latest = services.record_completion(
        partner, safeguarding, timezone.localdate(), by=staff
    )
    record = training.records_for([partner.pk])[partner.pk]
    assert [h.expires_on for h in record.in_date] == [latest.expires_on]
    assert record.expired == []
    assert User.objects.annotate(t=training.has_in_date_training()).get(pk=partner.pk).t


def test_2000_partners_with_training_ranked_in_two_queries(enquiry, safeguarding):
    users = _bulk_partners(2000)
    today = timezone.localdate()
    TrainingCompletion.objects.bulk_create(
        [
            TrainingCompletion(
                partner=user,
                course=safeguarding,
                completed_on=today - timedelta(days=30),
                # every third partner's training ran out; the rest are in date
                expires_on=today - timedelta(days=1)
                if n % 3 == 0
                else today + timedelta(days=300),
            )
            for n, user in enumerate(users)
        ]
    )
    with CaptureQueriesContext(connection) as queries:
        ranked = rank_partners(enquiry, limit=25)
    assert len(queries) <= 2
    assert len(ranked) == 25
    assert all(s.reasons[0].startswith("Training in date: ") for s in ranked)


def test_propose_page_with_2000_trained_partners_in_few_queries(
    client, staff, enquiry, safeguarding
):
    users = _bulk_partners(2000)
    TrainingCompletion.objects.bulk_create(
        [
            TrainingCompletion(
                partner=user,
                course=safeguarding,
                completed_on=timezone.localdate(),
                expires_on=None,
            )
            for user in users[::2]
        ]
    )
    with CaptureQueriesContext(connection) as matching:
        total = partner_queryset(enquiry).count()
        rank_partners(enquiry, offset=25, limit=25)
    assert total == 2000
    assert len(matching) <= 3  # the pager's count, the page, the page's training
    client.force_login(staff)
    address = reverse("pairings_admin:propose", args=[enquiry.pk])
    client.get(address)
    with CaptureQueriesContext(connection) as page:
        response = client.get(address)
    assert response.status_code == 200
    assert "Safeguarding adults (no renewal needed)" in response.content.decode()
    print(f"propose page with 2000 partners: {len(page)} queries")
    assert len(page) <= 25
