"""Meetings: places, a waiting list offered freed places in order, no over-booking, iCal
downloads. A meeting is an event of the network (members.events), booked like any event."""

import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from members.events import services
from members.events.models import (
    BookingStatus,
    EventAudience,
    EventBooking,
    EventKind,
)
from networks.models import NetworkEvent
from networks.services.meetings import network_events
from networks.services.membership import leave_network
from tests.factories.networks import MeetingFactory, MembershipFactory


def register_url(meeting, action="register"):
    return reverse(
        f"networks:meeting_{action}",
        kwargs={"slug": meeting.network.slug, "pk": meeting.pk},
    )


def statuses(meeting):
    return list(
        EventBooking.objects.filter(event=meeting)
        .order_by("created_at", "pk")
        .values_list("user__email", "status")
    )


def test_full_meeting_offers_the_waiting_list_its_places_in_order(
    client, network, mailoutbox
):
    meeting = MeetingFactory(network=network, capacity=1)
    people = [MembershipFactory(network=network).user for _ in range(3)]
    for person in people:
        client.force_login(person)
        client.post(register_url(meeting))
    assert [s for _, s in statuses(meeting)] == ["confirmed", "waiting", "waiting"]

    client.force_login(people[1])
    page = client.get(network.url).content.decode()
    assert "You are on the waiting list." in page

    call_command("run_outbox_worker", once=True)
    mailoutbox.clear()  # the booking emails
    client.force_login(people[0])
    client.post(register_url(meeting, "cancel"))
    # A freed place is now offered to the first person waiting, held until a deadline,
    # rather than given to them outright.
    assert dict(statuses(meeting))[people[1].email] == "offered"
    assert dict(statuses(meeting))[people[2].email] == "waiting"
    offer = EventBooking.objects.get(event=meeting, user=people[1])
    assert offer.offer_expires_at > timezone.now()
    assert services.places_left(meeting) == 0  # held for them, not for the next person
    client.force_login(people[1])
    assert "A place has come free for you." in client.get(network.url).content.decode()
    call_command("run_outbox_worker", once=True)
    assert [m.to for m in mailoutbox] == [[people[1].email]]
    assert "A place has come free" in mailoutbox[-1].body
    assert "please confirm by" in mailoutbox[-1].subject


def test_a_place_freed_just_before_the_meeting_is_given_outright(
    client, network, mailoutbox
):
    meeting = MeetingFactory(
        network=network, capacity=1, starts_at=timezone.now() + timedelta(hours=2)
    )
    first, second = (MembershipFactory(network=network).user for _ in range(2))
    services.book(meeting, user=first)
    services.book(meeting, user=second)
    call_command("run_outbox_worker", once=True)
    mailoutbox.clear()
    client.force_login(first)
    client.post(register_url(meeting, "cancel"))
    assert dict(statuses(meeting)) == {
        first.email: "cancelled",
        second.email: "confirmed",
    }
    call_command("run_outbox_worker", once=True)
    assert [m.to for m in mailoutbox] == [[second.email]]
    assert "A place has come free and it is yours" in mailoutbox[-1].body


def test_registering_twice_keeps_one_place(client, network, network_member):
    meeting = MeetingFactory(network=network, capacity=5)
    client.force_login(network_member)
    client.post(register_url(meeting))
    client.post(register_url(meeting))
    assert EventBooking.objects.filter(event=meeting).count() == 1


def test_joining_details_are_for_members_with_a_place(client, network, network_member):
    meeting = MeetingFactory(network=network)
    assert "MEMBERS-ONLY-DETAIL" not in client.get(network.url).content.decode()
    client.force_login(network_member)
    # Joining details are now shown only to people with a confirmed place, not to every
    # member of the network.
    assert "MEMBERS-ONLY-DETAIL" not in client.get(network.url).content.decode()
    services.book(meeting, user=network_member)
    assert "MEMBERS-ONLY-DETAIL" in client.get(network.url).content.decode()


def test_past_meetings_cannot_be_booked(client, network, network_member):
    meeting = MeetingFactory(
        network=network, starts_at=timezone.now() - timedelta(days=2)
    )
    client.force_login(network_member)
    client.post(register_url(meeting))
    assert not EventBooking.objects.exists()


def test_only_network_members_may_book(client, network, member_other):
    meeting = MeetingFactory(network=network)
    with pytest.raises(services.BookingError, match="members of the network"):
        services.book(meeting, user=member_other)
    client.force_login(member_other)
    assert client.post(register_url(meeting)).status_code == 404
    assert not EventBooking.objects.exists()


def test_leaving_the_network_frees_the_place(client, network, network_member):
    meeting = MeetingFactory(network=network, capacity=1)
    waiting = MembershipFactory(network=network).user
    services.book(meeting, user=network_member)
    services.book(meeting, user=waiting)
    leave_network(network_member, network)
    assert (
        dict(statuses(meeting))
        == {
            network_member.email: "cancelled",
            waiting.email: "offered",  # offered the freed place (no longer confirmed outright)
        }
    )


def test_cochair_adds_a_meeting_with_bad_input_handled(client, network, cochair):
    client.force_login(cochair)
    url = reverse("networks:meeting_create", kwargs={"slug": network.slug})
    start = timezone.localtime() + timedelta(days=7)
    bad = client.post(
        url,
        {
            "title": "",
            "starts_at": "not a date",
            "ends_at": "",
            "format": "online",
            "capacity": "-3",
        },
    )
    html = bad.content.decode()
    assert bad.status_code == 200
    for message in (
        "Enter a title for the meeting",
        "Enter a real date and time",
        "Enter when the meeting ends",
        "at least 1 place",
    ):
        assert message in html
    backwards = client.post(
        url,
        {
            "title": "Planning",
            "format": "online",
            "capacity": "10",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert "must end after it starts" in backwards.content.decode()
    ok = client.post(
        url,
        {
            "title": "Planning 🗓",
            "format": "both",
            "capacity": "10",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "joining_details": "Room 1",
            "access_notes": "Hearing loop",
        },
    )
    assert ok.status_code == 302
    meeting = network_events(network).get()
    assert meeting.title == "Planning 🗓"
    assert (meeting.kind, meeting.audience) == (
        EventKind.NETWORK_MEETING,
        EventAudience.NETWORK,
    )
    assert meeting.network_link.added_by == cochair


def test_ical_downloads(client, network):
    meeting = MeetingFactory(network=network, title="Planning, with commas; and more")
    page = client.get(network.url).content.decode()
    calendar_url = reverse("members:event_calendar", kwargs={"slug": meeting.slug})
    assert f'href="{calendar_url}"' in page
    one = client.get(calendar_url)
    assert one["Content-Type"].startswith("text/calendar")
    text = one.content.decode()
    assert "BEGIN:VEVENT" in text
    assert "SUMMARY:Planning\\, with commas\\; and more" in text
    assert "MEMBERS-ONLY-DETAIL" not in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    all_meetings = client.get(
        reverse("networks:network_calendar", kwargs={"slug": network.slug})
    )
    everything = all_meetings.content.decode()
    assert everything.count("BEGIN:VEVENT") == 1
    assert f"UID:event-{meeting.pk}@voices" in everything
    assert "MEMBERS-ONLY-DETAIL" not in everything


def test_calendar_links_from_before_meetings_were_events_still_work(client, network):
    meeting = MeetingFactory(network=network)
    NetworkEvent.objects.filter(event=meeting).update(former_meeting_id=4242)
    old = reverse(
        "networks:former_meeting_calendar", kwargs={"slug": network.slug, "pk": 4242}
    )
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == reverse(
        "members:event_calendar", kwargs={"slug": meeting.slug}
    )
    unknown = reverse(
        "networks:former_meeting_calendar", kwargs={"slug": network.slug, "pk": 4243}
    )
    assert client.get(unknown).status_code == 404


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_registrations_never_over_book(request):
    """Twelve members press 'Book' at the same moment for five places (PostgreSQL only:
    SQLite's in-memory test database cannot be shared by threads). Without the row lock
    in services.book this books all twelve."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL for real concurrent transactions")
    from tests.factories.networks import make_network

    network = make_network(request.getfixturevalue("home_page"), "concurrency")
    meeting = MeetingFactory(network=network, capacity=5)
    # Only the network's members may book its meetings.
    users = [MembershipFactory(network=network).user for _ in range(12)]
    barrier = threading.Barrier(len(users))
    errors = []

    def book(user):
        try:
            barrier.wait()
            services.book(meeting, user=user)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(u,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    confirmed = EventBooking.objects.filter(
        event=meeting, status=BookingStatus.CONFIRMED
    ).count()
    waiting = EventBooking.objects.filter(
        event=meeting, status=BookingStatus.WAITING
    ).count()
    assert (confirmed, waiting) == (5, 7)
