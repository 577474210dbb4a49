"""Meetings: places, a waiting list that promotes itself, no over-booking, iCal downloads."""

import threading
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from networks.models import MeetingRegistration
from networks.models.meetings import RegistrationStatus
from networks.services.meetings import register_for_meeting
from networks.services.membership import leave_network
from tests.factories import UserFactory
from tests.factories.networks import MeetingFactory, MembershipFactory


def register_url(meeting, action="register"):
    return reverse(
        f"networks:meeting_{action}",
        kwargs={"slug": meeting.network.slug, "pk": meeting.pk},
    )


def statuses(meeting):
    return list(
        MeetingRegistration.objects.filter(meeting=meeting)
        .order_by("created_at", "pk")
        .values_list("user__email", "status")
    )


def test_full_meeting_offers_the_waiting_list_and_promotes_in_order(
    client, network, mailoutbox
):
    meeting = MeetingFactory(network=network, places=1)
    people = [MembershipFactory(network=network).user for _ in range(3)]
    for person in people:
        client.force_login(person)
        client.post(register_url(meeting))
    assert [s for _, s in statuses(meeting)] == ["confirmed", "waiting", "waiting"]

    client.force_login(people[1])
    page = client.get(network.url).content.decode()
    assert "You are on the waiting list." in page

    client.force_login(people[0])
    client.post(register_url(meeting, "cancel"))
    assert dict(statuses(meeting))[people[1].email] == "confirmed"
    assert dict(statuses(meeting))[people[2].email] == "waiting"
    call_command("run_outbox_worker", once=True)
    assert mailoutbox[-1].to == [people[1].email]
    assert "A place has come free" in mailoutbox[-1].body


def test_registering_twice_keeps_one_place(client, network, network_member):
    meeting = MeetingFactory(network=network, places=5)
    client.force_login(network_member)
    client.post(register_url(meeting))
    client.post(register_url(meeting))
    assert MeetingRegistration.objects.filter(meeting=meeting).count() == 1


def test_joining_details_are_for_members_only(client, network, network_member):
    MeetingFactory(network=network)
    assert "MEMBERS-ONLY-DETAIL" not in client.get(network.url).content.decode()
    client.force_login(network_member)
    assert "MEMBERS-ONLY-DETAIL" in client.get(network.url).content.decode()


def test_past_meetings_cannot_be_booked(client, network, network_member):
    meeting = MeetingFactory(
        network=network, starts_at=timezone.now() - timedelta(days=2)
    )
    client.force_login(network_member)
    client.post(register_url(meeting))
    assert not MeetingRegistration.objects.exists()


def test_leaving_the_network_frees_the_place(client, network, network_member):
    meeting = MeetingFactory(network=network, places=1)
    waiting = MembershipFactory(network=network).user
    register_for_meeting(network_member, meeting)
    register_for_meeting(waiting, meeting)
    leave_network(network_member, network)
    assert dict(statuses(meeting)) == {
        network_member.email: "cancelled",
        waiting.email: "confirmed",
    }


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
            "places": "-3",
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
            "places": "10",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert "must end after it starts" in backwards.content.decode()
    ok = client.post(
        url,
        {
            "title": "Planning 🗓",
            "format": "hybrid",
            "places": "10",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "joining_details": "Room 1",
            "accessibility": "Hearing loop",
        },
    )
    assert ok.status_code == 302
    assert network.meetings.get().title == "Planning 🗓"


def test_ical_downloads(client, network):
    meeting = MeetingFactory(network=network, title="Planning, with commas; and more")
    one = client.get(
        reverse(
            "networks:meeting_calendar", kwargs={"slug": network.slug, "pk": meeting.pk}
        )
    )
    assert one["Content-Type"].startswith("text/calendar")
    text = one.content.decode()
    assert "BEGIN:VEVENT" in text
    assert "SUMMARY:Planning\\, with commas\\; and more" in text
    assert "MEMBERS-ONLY-DETAIL" not in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    all_meetings = client.get(
        reverse("networks:network_calendar", kwargs={"slug": network.slug})
    )
    assert all_meetings.content.decode().count("BEGIN:VEVENT") == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_registrations_never_over_book(request):
    """Twelve members press 'Book' at the same moment for five places (PostgreSQL only:
    SQLite's in-memory test database cannot be shared by threads). Without the row lock
    in register_for_meeting this books all twelve."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL for real concurrent transactions")
    from tests.factories.networks import make_network

    network = make_network(request.getfixturevalue("home_page"), "concurrency")
    meeting = MeetingFactory(network=network, places=5)
    users = [UserFactory() for _ in range(12)]
    barrier = threading.Barrier(len(users))
    errors = []

    def book(user):
        try:
            barrier.wait()
            register_for_meeting(user, meeting)
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
    confirmed = MeetingRegistration.objects.filter(
        meeting=meeting, status=RegistrationStatus.CONFIRMED
    ).count()
    waiting = MeetingRegistration.objects.filter(
        meeting=meeting, status=RegistrationStatus.WAITING
    ).count()
    assert (confirmed, waiting) == (5, 7)
