"""Booking a meeting offers the member's saved access needs, shared only when ticked for
that booking; the network's co-chairs see what was shared and nobody else does (issue 16,
item 10)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from members.events.exports import export_bookings_section
from members.events.models import EventBooking
from members.events.retention import purge_event_access_needs
from members.events.services import book
from members.models import MemberProfile
from tests.factories.networks import MeetingFactory, MembershipFactory

NEEDS = "Step-free venue and a break every hour"


def url(meeting, name="meeting_register"):
    return reverse(
        f"networks:{name}", kwargs={"slug": meeting.network.slug, "pk": meeting.pk}
    )


@pytest.fixture
def meeting(network):
    return MeetingFactory(network=network, capacity=5)


@pytest.fixture
def saved_needs(network_member):
    MemberProfile.objects.update_or_create(
        user=network_member, defaults={"access_needs": NEEDS}
    )
    return network_member


def test_the_booking_page_offers_saved_access_needs_unticked(
    client, saved_needs, meeting
):
    client.force_login(saved_needs)
    page = client.get(url(meeting)).content.decode()
    assert NEEDS in page
    assert "Share these access needs with the co-chairs for this meeting" in page
    assert 'name="share_access_needs"' in page and "checked" not in page


def test_the_network_page_links_to_the_booking_page(client, network_member, meeting):
    client.force_login(network_member)
    page = client.get(meeting.network.url).content.decode()
    assert f'href="{url(meeting)}"' in page


def test_unticked_needs_are_not_shared(client, saved_needs, meeting):
    client.force_login(saved_needs)
    response = client.post(url(meeting), {"access_needs": NEEDS})
    assert response.status_code == 302
    registration = EventBooking.objects.get(user=saved_needs)
    assert registration.status == "confirmed"
    assert registration.access_needs == ""


def test_ticked_needs_are_shared_for_this_booking_only(client, saved_needs, meeting):
    client.force_login(saved_needs)
    client.post(
        url(meeting),
        {"access_needs": "Papers in large print", "share_access_needs": "on"},
    )
    assert EventBooking.objects.get().access_needs == "Papers in large print"
    # The saved profile is not changed by what was shared for one meeting.
    assert MemberProfile.objects.get(user=saved_needs).access_needs == NEEDS


def test_ticking_with_nothing_written_asks_for_the_needs(
    client, network_member, meeting
):
    client.force_login(network_member)
    response = client.post(
        url(meeting), {"access_needs": "  ", "share_access_needs": "on"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="error-summary' in page
    assert "Describe your access needs, or untick the box to share nothing" in page
    assert not EventBooking.objects.exists()


def test_too_long_needs_are_refused_with_a_message(client, network_member, meeting):
    client.force_login(network_member)
    response = client.post(
        url(meeting), {"access_needs": "x" * 2001, "share_access_needs": "on"}
    )
    assert "Keep this to 2,000 characters or fewer" in response.content.decode()
    assert not EventBooking.objects.exists()


def test_cochairs_see_what_was_shared_and_nothing_more(
    client, cochair, network, meeting, saved_needs
):
    other = MembershipFactory(network=network).user
    MemberProfile.objects.update_or_create(
        user=other, defaults={"access_needs": "Kept to myself"}
    )
    book(meeting, user=saved_needs, access_needs="Hearing loop")
    book(meeting, user=other)
    client.force_login(cochair)
    page = client.get(url(meeting, "meeting_registrations")).content.decode()
    assert "Hearing loop" in page
    assert "None shared" in page
    assert "Kept to myself" not in page and NEEDS not in page


def test_other_members_and_other_cochairs_cannot_see_shared_needs(
    client, network_member, cochair_other, meeting
):
    book(meeting, user=network_member, access_needs="Hearing loop")
    for person in (network_member, cochair_other):
        client.force_login(person)
        response = client.get(url(meeting, "meeting_registrations"))
        assert response.status_code == 404
        assert b"Hearing loop" not in response.content


def test_cancelling_clears_what_was_shared(client, network_member, meeting):
    book(meeting, user=network_member, access_needs="Hearing loop")
    client.force_login(network_member)
    client.post(url(meeting, "meeting_cancel"))
    registration = EventBooking.objects.get()
    assert registration.status == "cancelled"
    assert registration.access_needs == ""


def test_shared_needs_are_cleared_a_month_after_the_meeting(network, network_member):
    now = timezone.now()
    long_ago = MeetingFactory(
        network=network,
        starts_at=now - timedelta(days=40),
        ends_at=now - timedelta(days=40) + timedelta(hours=2),
    )
    recent = MeetingFactory(
        network=network,
        starts_at=now - timedelta(days=3),
        ends_at=now - timedelta(days=3) + timedelta(hours=2),
    )
    for meeting in (long_ago, recent):
        EventBooking.objects.create(
            event=meeting,
            user=network_member,
            status="confirmed",
            access_needs="Loop",
        )
    assert purge_event_access_needs(now) == 1
    kept = dict(EventBooking.objects.values_list("event_id", "access_needs"))
    assert kept == {long_ago.pk: "", recent.pk: "Loop"}


def test_purge_expired_reports_the_step(network, network_member, capsys):
    call_command("purge_expired")
    # Meeting bookings are event bookings: the events feature's step now covers them.
    assert "access needs shared for 0 past event places" in capsys.readouterr().out


def test_the_member_sees_what_they_shared_in_their_data(network_member, meeting):
    book(meeting, user=network_member, access_needs="Hearing loop")
    # Meeting bookings are now in the events feature's section of the data download.
    [record] = export_bookings_section(network_member).records
    assert record["event"] == meeting.title
    assert record["access_needs_shared"] == "Hearing loop"


def test_a_booked_member_is_told_so_on_the_booking_page(
    client, network_member, meeting
):
    book(meeting, user=network_member)
    client.force_login(network_member)
    page = client.get(url(meeting)).content.decode()
    assert "You already have a place at this meeting." in page
    assert "Book my place" not in page
