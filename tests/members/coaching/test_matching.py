"""Staff's "Propose a partner" ranking: order, reasons, and a fixed number of queries."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from home.models.snippets import Region
from members.accounts.choices import MemberType
from members.coaching.matching import rank_partners
from members.coaching.models import PairingPartner, PartnerAvailability
from members.models import MemberProfile, User
from tests.factories.pairings import make_enquiry, make_pairing, make_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def enquiry():
    return make_enquiry(region_slug="west-midlands", enquiry_type="coaching")


def test_ranking_order_and_reasons(enquiry):
    best = make_partner("best@example.org", first_name="Best")
    plain = make_partner(
        "plain@example.org", first_name="Plain", interests=(), areas=()
    )
    full = make_partner("full@example.org", first_name="Full", capacity=1)
    make_pairing(full, "active")
    away = make_partner("away@example.org", first_name="Away", region_slug="north-west")
    resting = make_partner("rest@example.org", first_name="Resting", accepting=False)
    organisation = make_partner("org@example.org")
    MemberProfile.objects.filter(user=organisation).update(
        member_type=MemberType.ORGANISATION_CONTACT
    )
    gone = make_partner("gone@example.org", is_active=False)

    ranked = rank_partners(enquiry)
    order = [s.user.email for s in ranked]
    assert order == [
        best.email,
        plain.email,
        full.email,
        resting.email,
        away.email,
    ]
    assert organisation.email not in order and gone.email not in order
    reasons = {s.user.email: s.reasons for s in ranked}
    assert reasons[best.email] == [
        "Same region (West Midlands)",
        "Interested in this kind of work",
        "Experience in coaching",
        "0 of 2 pairings in use",
    ]
    assert "1 of 1 pairings in use" in reasons[full.email]
    assert "Taking a break" in reasons[resting.email]
    assert reasons[away.email][0] == "Different region (North West)"


def test_partner_already_asked_is_marked(enquiry):
    partner = make_partner("asked@example.org")
    pairing = make_pairing(partner, "partner_declined", enquiry=enquiry)
    assert pairing.enquiry == enquiry
    (suggestion,) = rank_partners(enquiry)
    assert suggestion.already_asked
    assert "Already asked about this enquiry" in suggestion.reasons


def test_finished_pairings_do_not_count_towards_load(enquiry):
    partner = make_partner("busy@example.org", capacity=1)
    make_pairing(partner, "completed")
    make_pairing(partner, "ended_early")
    (suggestion,) = rank_partners(enquiry)
    assert suggestion.load == 0


def _bulk_partners(count):
    regions = list(Region.objects.all())
    users = User.objects.bulk_create(
        [
            User(email=f"bulk{n}@example.org", first_name=f"P{n:04d}", password="!")
            for n in range(count)
        ]
    )
    MemberProfile.objects.bulk_create(
        [
            MemberProfile(
                user=user,
                member_type=MemberType.LIVED_EXPERIENCE_PARTNER,
                region=regions[n % len(regions)],
                interests=["coaching"] if n % 3 else ["research"],
            )
            for n, user in enumerate(users)
        ]
    )
    PartnerAvailability.objects.bulk_create(
        [
            PartnerAvailability(user=user, capacity=1 + n % 3, accepting=n % 7 != 0)
            for n, user in enumerate(users)
        ]
    )
    return users


def _best_of(runs, action):
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def test_2000_partners_ranked_in_two_queries_faster_than_loading_them(enquiry):
    """The ranking happens in SQL: a page of 25 costs less than loading every partner.

    Timed against a baseline from the same run on the same rows, so a slow or busy machine
    slows both sides alike (an absolute figure would only describe the machine).
    """
    users = _bulk_partners(2000)
    for user in users[:40]:
        make_pairing(user, "active")
    assert PairingPartner.objects.count() == 40
    with CaptureQueriesContext(connection) as queries:
        ranked = rank_partners(enquiry, limit=25)
    assert len(queries) <= 2
    assert len(ranked) == 25
    assert all(s.user.profile.region.slug == "west-midlands" for s in ranked)

    def load_every_partner():
        everyone = User.objects.filter(
            profile__member_type=MemberType.LIVED_EXPERIENCE_PARTNER
        ).select_related("profile__region", "partner_availability")
        assert len(list(everyone)) == 2000

    ranking = _best_of(5, lambda: rank_partners(enquiry, limit=25))
    loading = _best_of(5, load_every_partner)
    print(
        f"rank 25 of 2000: {ranking * 1000:.0f} ms; load all: {loading * 1000:.0f} ms"
    )
    assert ranking < loading


def test_propose_page_queries_do_not_grow_with_partners(
    client, staff, enquiry, django_assert_max_num_queries
):
    _bulk_partners(20)
    client.force_login(staff)
    address = reverse("pairings_admin:propose", args=[enquiry.pk])
    client.get(address)
    with CaptureQueriesContext(connection) as small:
        assert client.get(address).status_code == 200
    _bulk_partners_more = User.objects.count()
    assert _bulk_partners_more > 20
    User.objects.filter(email__startswith="bulk").delete()
    _bulk_partners(2000)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(address)
    assert response.content.decode().count('name="partner"') == 25
