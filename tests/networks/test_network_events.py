"""A network's meetings are events of that network: only its members book them, its
co-chairs organise them (attendance, papers, minutes) like staff do any event, and the
event's page says whose meeting it is (members/events/owners.py, networks/event_owner.py)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from members.accounts.services import erase_member
from members.events import attendance, changes, services
from members.events.models import EventBooking
from networks.models import NetworkEvent
from networks.services import meetings
from networks.services.membership import registrations_given_up_by_leaving
from tests.factories import UserFactory
from tests.factories.events import make_event
from tests.factories.networks import MeetingFactory

pytestmark = pytest.mark.django_db


def test_only_the_networks_members_book_its_meetings(
    network, network_member, member_other, client
):
    meeting = MeetingFactory(network)
    with pytest.raises(services.BookingError, match="Join the network"):
        services.book(meeting, user=member_other)
    with pytest.raises(services.BookingError, match="Join the network"):
        services.book(meeting, name="A Visitor", email="visitor@example.org")
    assert not EventBooking.objects.filter(event=meeting).exists()
    booking = services.book(meeting, user=network_member)
    assert booking.status == "confirmed"


def test_the_meeting_page_names_the_network_and_tells_others_how_to_book(
    network, network_member, member_other, client
):
    meeting = MeetingFactory(network, title="Planning the spring meeting")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Organised by" in page and network.title in page
    assert "Sign in to book" in page
    assert 'name="share_access_needs"' not in page
    client.force_login(member_other)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Join the network to book a place." in page
    assert "Book my place" not in page
    client.force_login(network_member)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Book my place" in page


def test_joining_details_are_for_people_with_a_place(network, network_member, client):
    meeting = MeetingFactory(network)
    client.force_login(network_member)
    assert "MEMBERS-ONLY-DETAIL" not in client.get(network.url).content.decode()
    services.book(meeting, user=network_member)
    assert "MEMBERS-ONLY-DETAIL" in client.get(network.url).content.decode()
    assert (
        "MEMBERS-ONLY-DETAIL" in client.get(meeting.get_absolute_url()).content.decode()
    )


def test_cochairs_organise_their_networks_events_and_no_others(
    network, cochair, cochair_other, network_member
):
    ours = MeetingFactory(network)
    programme = make_event(title="A programme webinar")
    assert attendance.can_mark(cochair, ours)
    assert not attendance.can_mark(cochair, programme)
    assert not attendance.can_mark(cochair_other, ours)
    assert not attendance.can_mark(network_member, ours)
    # Without naming an event, only staff organise events.
    assert not attendance.can_mark(cochair, None)
    assert list(attendance.organised_events(cochair)) == [ours]
    assert not attendance.organised_events(network_member).exists()


def held_meeting_that_has_happened(network, member):
    """A meeting `member` booked, which then took place (moved into the past, as the
    booking service refuses events that have started)."""
    meeting = MeetingFactory(network)
    booking = services.book(meeting, user=member)
    type(meeting).objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - timedelta(hours=3),
        ends_at=timezone.now() - timedelta(hours=1),
    )
    return meeting, booking


def test_a_cochair_marks_attendance_and_adds_the_minutes(
    network, cochair, network_member, client
):
    meeting, booking = held_meeting_that_has_happened(network, network_member)
    client.force_login(cochair)
    workspace = client.get(f"/portal/networks/{network.slug}/").content.decode()
    assert "Recent meetings" in workspace
    assert f"/events/{meeting.slug}/attendance/" in workspace
    response = client.post(
        f"/events/{meeting.slug}/attendance/",
        {"listed": str(booking.pk), "attended": [booking.pk]},
        follow=True,
    )
    assert "Attendance saved: 1 came and 0 did not." in response.content.decode()
    booking.refresh_from_db()
    assert booking.attended is True
    assert client.get(f"/events/{meeting.slug}/papers/").status_code == 200


def test_attendance_for_another_networks_meeting_is_refused(
    network, cochair_other, network_member, client
):
    meeting, booking = held_meeting_that_has_happened(network, network_member)
    client.force_login(cochair_other)
    response = client.post(
        f"/events/{meeting.slug}/attendance/",
        {"listed": str(booking.pk), "attended": [booking.pk]},
    )
    assert response.status_code == 403
    booking.refresh_from_db()
    assert booking.attended is None


def test_a_cancelled_meeting_is_kept_and_leaves_the_network_page(
    network, cochair, network_member, client
):
    meeting = MeetingFactory(network, title="Drop-in that will not happen")
    services.book(meeting, user=network_member)
    told = meetings.cancel_meeting(cochair, network, meeting)
    assert told == 1
    meeting.refresh_from_db()
    assert meeting.status == "cancelled"
    assert (
        "Drop-in that will not happen" not in client.get(network.url).content.decode()
    )
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "This event has been cancelled." in page
    with pytest.raises(services.BookingError, match="cancelled"):
        services.book(meeting, user=network_member)


def test_fewer_places_than_are_taken_is_refused_and_nothing_changes(
    network, cochair, network_member, member_other
):
    meeting = MeetingFactory(network, capacity=3)
    services.book(meeting, user=network_member)
    services.book(meeting, user=cochair)
    with pytest.raises(changes.ChangeError, match="2 people already have a place"):
        changes.change(meeting, by=cochair, capacity=1, title="Renamed")
    meeting.refresh_from_db()
    assert (meeting.capacity, meeting.title) != (1, "Renamed")


def test_more_places_are_offered_to_the_people_waiting_in_order(
    network, cochair, mailoutbox
):
    meeting = MeetingFactory(network, capacity=1)
    people = [UserFactory(email=f"waiting{n}@example.org") for n in range(3)]
    for person in people:
        network.memberships.create(user=person)
        services.book(meeting, user=person)
    meetings.change_meeting(cochair, network, meeting, capacity=2)
    statuses = dict(
        EventBooking.objects.filter(event=meeting).values_list("user__email", "status")
    )
    assert statuses == {
        "waiting0@example.org": "confirmed",
        "waiting1@example.org": "offered",
        "waiting2@example.org": "waiting",
    }
    call_command("run_outbox_worker", once=True)
    offered = [m for m in mailoutbox if "waiting1@example.org" in m.to]
    assert any("place" in m.subject.lower() for m in offered)


def test_an_old_calendar_link_to_a_meeting_still_finds_it(network, client):
    meeting = MeetingFactory(network)
    NetworkEvent.objects.filter(event=meeting).update(former_meeting_id=4242)
    response = client.get(f"/networks/{network.slug}/meetings/4242.ics")
    assert response.status_code == 301
    assert response["Location"].endswith(f"/events/{meeting.slug}/calendar.ics")
    assert client.get(f"/networks/{network.slug}/meetings/4243.ics").status_code == 404


def test_the_network_calendar_lists_its_meetings_without_joining_details(
    network, client
):
    meeting = MeetingFactory(network, title="Calendar meeting")
    MeetingFactory(network, title="Cancelled meeting")
    meetings.cancel_meeting(None, network, network.event_links.last().event)
    body = client.get(f"/networks/{network.slug}/meetings.ics").content.decode()
    assert "SUMMARY:Calendar meeting" in body
    assert f"/events/{meeting.slug}/" in body
    assert "Cancelled meeting" not in body
    assert "MEMBERS-ONLY-DETAIL" not in body


def test_erasing_an_account_offers_its_place_to_the_next_person(
    network, network_member, member_other
):
    meeting = MeetingFactory(network, capacity=1)
    network.memberships.create(user=member_other)
    services.book(meeting, user=network_member)
    waiting = services.book(meeting, user=member_other)
    erase_member(network_member, notify_staff=False)
    waiting.refresh_from_db()
    assert waiting.status == "offered"
    assert not EventBooking.objects.filter(user=network_member).exists()


def test_nobody_is_offered_a_place_at_a_cancelled_meeting(
    network, cochair, network_member, member_other, mailoutbox
):
    meeting = MeetingFactory(network, capacity=1)
    network.memberships.create(user=member_other)
    held = services.book(meeting, user=network_member)
    waiting = services.book(meeting, user=member_other)
    meetings.cancel_meeting(cochair, network, meeting)
    # Leaving the network gives up nothing at a meeting that will not happen.
    assert not registrations_given_up_by_leaving(network_member, network).exists()
    services.cancel(held)
    waiting.refresh_from_db()
    assert waiting.status == "waiting"
    call_command("run_outbox_worker", once=True)
    assert not [m for m in mailoutbox if "came free" in m.subject.lower()]


def test_a_changed_joining_link_is_named_in_the_email(
    network, cochair, network_member, mailoutbox
):
    meeting = MeetingFactory(network)
    services.book(meeting, user=network_member)
    labels = meetings.change_meeting(
        cochair, network, meeting, joining_link="https://meet.example.org/new-room"
    )
    assert labels == ["Joining link"]
    call_command("run_outbox_worker", once=True)
    changed = [m for m in mailoutbox if m.subject.startswith("Meeting changed")]
    assert len(changed) == 1 and "Joining link" in changed[0].body
