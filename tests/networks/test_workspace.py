"""The co-chair workspace: bounded queries whatever the network's size, and enquiries
routed to this network only (AC-3)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from members.events.models import EventBooking
from members.models import Enquiry
from networks.models.updates import UpdateStatus
from tests.factories import UserFactory
from tests.factories.networks import (
    JoinRequestFactory,
    MeetingFactory,
    UpdateFactory,
)


def populate(network, cochair, members, updates):
    from networks.models import NetworkMembership

    users = UserFactory.create_batch(members)
    NetworkMembership.objects.bulk_create(
        [
            NetworkMembership(
                network=network, user=u, visibility="name_region_bio", short_bio="Hello"
            )
            for u in users
        ]
    )
    for i in range(updates):
        UpdateFactory(
            network=network,
            author=cochair,
            visibility="members" if i % 2 else "public",
            status=UpdateStatus.PUBLISHED if i % 3 else UpdateStatus.DRAFT,
        )
    # Three meetings to come and, listed as "Recent meetings", more past ones than shown.
    past = [timezone.now() - timedelta(days=7 * n) for n in range(1, 8)]
    for starts_at in [None] * 3 + past:
        when = {"starts_at": starts_at} if starts_at else {}
        meeting = MeetingFactory(network=network, capacity=members, **when)
        EventBooking.objects.bulk_create(
            [EventBooking(event=meeting, user=u, status="confirmed") for u in users]
        )
    for _ in range(min(members, 30)):
        JoinRequestFactory(network=network)


@pytest.mark.parametrize(("members", "updates"), [(3, 5), (300, 100)])
def test_pages_make_a_bounded_number_of_queries(
    client, network, cochair, members, updates, django_assert_max_num_queries
):
    populate(network, cochair, members, updates)
    client.force_login(cochair)
    workspace = reverse("networks:workspace", kwargs={"slug": network.slug})
    member_list = reverse("networks:members", kwargs={"slug": network.slug})
    client.get(network.url)  # warm per-process caches (site root paths)
    for url in (network.url, workspace, member_list):
        with django_assert_max_num_queries(20):
            response = client.get(url)
        assert response.status_code == 200
    client.logout()
    with django_assert_max_num_queries(20):
        assert client.get(network.url).status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get("/networks/").status_code == 200


def make_enquiry(network_page, reference, **fields):
    values = {
        "reference": reference,
        "full_name": "Lee Leader",
        "email": f"{reference.lower()}@nhs.example",
        "job_title": "Director",
        "organisation": "A trust",
        "organisation_type": "nhs_provider",
        "enquiry_type": "network",
        "message": "We would like to work with the network.",
        "access_needs": "ZZ-ENQUIRER-ACCESS",
        "network_page": network_page,
    }
    values.update(fields)
    return Enquiry.objects.create(**values)


def test_enquiries_reach_the_chosen_networks_cochairs_only(
    client, network, other_network, cochair, cochair_other
):
    mine = make_enquiry(network, "ENQ-2026-00001")
    theirs = make_enquiry(other_network, "ENQ-2026-00002")
    make_enquiry(network, "ENQ-2026-00003", status="spam")
    client.force_login(cochair)
    html = client.get(
        reverse("networks:workspace", kwargs={"slug": network.slug})
    ).content.decode()
    assert "ENQ-2026-00001" in html
    assert "ENQ-2026-00002" not in html
    assert "ENQ-2026-00003" not in html  # spam is for staff only
    detail = reverse(
        "networks:enquiry_detail", kwargs={"slug": network.slug, "pk": mine.pk}
    )
    page = client.get(detail).content.decode()
    assert "We would like to work with the network." in page
    assert "ZZ-ENQUIRER-ACCESS" not in page
    response = client.post(
        detail, {"status": "in_progress", "note": "I will call them."}
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.status == "in_progress"
    assert "I will call them." in client.get(detail).content.decode()
    # Spam is not a choice for co-chairs.
    client.post(detail, {"status": "spam", "note": ""})
    mine.refresh_from_db()
    assert mine.status == "in_progress"

    # Someone else's enquiry through my slug, or my slug as another co-chair: 404.
    other_detail = reverse(
        "networks:enquiry_detail", kwargs={"slug": network.slug, "pk": theirs.pk}
    )
    assert client.get(other_detail).status_code == 404
    assert client.post(other_detail, {"status": "closed"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "new"
    client.force_login(cochair_other)
    assert client.get(detail).status_code == 404


def test_dashboard_shows_networks_updates_meetings_and_cochair_things_to_do(
    client, network, cochair, network_member
):
    UpdateFactory(network=network, author=cochair, title="Panel update")
    MeetingFactory(network=network, title="Panel meeting")
    JoinRequestFactory(network=network)
    make_enquiry(network, "ENQ-2026-00009")
    client.force_login(cochair)
    html = client.get("/portal/").content.decode()
    assert "My networks" in html and "Panel update" in html and "Panel meeting" in html
    # What waits on the co-chair is in "Things to do"; the panel links to the workspace.
    assert f"1 request to join {network.title} waiting for a decision" in html
    assert "A new enquiry has been sent to" in html
    assert "Open the co-chair workspace" in html
    client.force_login(network_member)
    html = client.get("/portal/").content.decode()
    assert "Panel update" in html and "request to join" not in html
    assert "Open the co-chair workspace" not in html


def test_dashboard_points_a_member_without_a_network_to_the_list(client, lone_member):
    client.force_login(lone_member)
    html = client.get("/portal/").content.decode()
    assert "You are not in a regional network yet." in html
    assert 'href="/networks/"' in html
