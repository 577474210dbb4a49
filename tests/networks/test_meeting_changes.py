"""Co-chairs change or cancel their network's meetings; booked members are emailed."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from members.events import services
from members.events.models import Event, EventBooking
from tests.factories.networks import MeetingFactory, MembershipFactory

UK = "%Y-%m-%dT%H:%M"


def edit_url(meeting):
    return reverse(
        "networks:meeting_edit", kwargs={"slug": meeting.network.slug, "pk": meeting.pk}
    )


def cancel_url(meeting):
    return reverse(
        "networks:meeting_cancel_by_cochair",
        kwargs={"slug": meeting.network.slug, "pk": meeting.pk},
    )


def form_data(meeting, **changes):
    local = timezone.localtime
    data = {
        "title": meeting.title,
        "starts_at": local(meeting.starts_at).strftime(UK),
        "ends_at": local(meeting.ends_at).strftime(UK),
        "format": meeting.format,
        "venue_name": meeting.venue_name,
        "joining_link": meeting.joining_link,
        "joining_details": meeting.joining_details,
        "access_notes": meeting.access_notes,
        "capacity": meeting.capacity,
    }
    data.update(changes)
    return data


@pytest.fixture
def booked(network):
    # Whole minutes, as the form enters them, so an unchanged form changes nothing.
    starts = (timezone.now() + timedelta(days=10)).replace(second=0, microsecond=0)
    meeting = MeetingFactory(
        network=network, capacity=1, title="Spring gathering", starts_at=starts
    )
    first, second = (MembershipFactory(network=network).user for _ in range(2))
    services.book(meeting, user=first)
    services.book(meeting, user=second)  # waiting list
    # Booking now emails each person what they booked; send those before the test.
    call_command("run_outbox_worker", once=True)
    mail.outbox.clear()
    return meeting, first, second


def test_cochair_changes_a_meeting_and_booked_members_are_told_what_changed(
    client, network, cochair, booked, mailoutbox
):
    meeting, first, second = booked
    client.force_login(cochair)
    assert "Spring gathering" in client.get(edit_url(meeting)).content.decode()
    later = timezone.localtime(meeting.starts_at + timedelta(hours=1))
    response = client.post(
        edit_url(meeting),
        form_data(
            meeting,
            starts_at=later.strftime(UK),
            ends_at=(later + timedelta(hours=2)).strftime(UK),
            venue_name="Coventry",
        ),
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.venue_name == "Coventry"
    call_command("run_outbox_worker", once=True)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([first.email, second.email])
    body = mailoutbox[0].body
    assert "changed" in mailoutbox[0].subject.lower()
    assert "Starts" in body and "Where" in body
    assert "Title" not in body.split("What changed:")[1].split("\n")[0]


def test_saving_without_changes_emails_nobody(
    client, network, cochair, booked, mailoutbox
):
    meeting, *_ = booked
    client.force_login(cochair)
    client.post(edit_url(meeting), form_data(meeting))
    call_command("run_outbox_worker", once=True)
    assert mailoutbox == []


def test_more_places_are_offered_to_the_waiting_list(client, network, cochair, booked):
    meeting, first, second = booked
    client.force_login(cochair)
    client.post(edit_url(meeting), form_data(meeting, capacity=2))
    # The new place is offered to the first person waiting (held until a deadline),
    # no longer confirmed outright.
    booking = EventBooking.objects.get(event=meeting, user=second)
    assert booking.status == "offered"
    assert booking.offer_expires_at is not None


def test_places_cannot_drop_below_the_places_taken(client, network, cochair, booked):
    meeting, first, second = booked
    services.book(meeting, user=MembershipFactory(network=network).user)
    Event.objects.filter(pk=meeting.pk).update(capacity=3)
    meeting.refresh_from_db()
    EventBooking.objects.filter(event=meeting).update(status="confirmed")
    client.force_login(cochair)
    response = client.post(edit_url(meeting), form_data(meeting, capacity=1))
    assert response.status_code == 200
    # The refusal is now the events feature's wording ("people", was "members").
    assert "3 people already have a place" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.capacity == 3


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "", "capacity": ""}, "Enter a title for the meeting"),
        ({"title": "x" * 5000}, "at most 150 characters"),
        ({"capacity": "99999999999999999999"}, "10,000 places or fewer"),
        ({"capacity": "-3"}, "at least 1 place"),
        ({"starts_at": "<script>alert(1)</script>"}, "Enter a real date and time"),
        ({"joining_details": "y" * 100_000}, "at most 2000 characters"),
        ({"format": "'; DROP TABLE x; --"}, "Select a valid choice"),
    ],
)
def test_every_bad_answer_gets_a_clear_message(
    client, network, cochair, booked, changes, message
):
    meeting, *_ = booked
    client.force_login(cochair)
    response = client.post(edit_url(meeting), form_data(meeting, **changes))
    assert response.status_code == 200
    text = response.content.decode()
    assert message in text
    assert "<script>alert(1)</script>" not in text
    meeting.refresh_from_db()
    assert meeting.title == "Spring gathering"


def test_cancelling_asks_first_then_frees_places_and_tells_everyone_booked(
    client, network, cochair, booked, mailoutbox
):
    meeting, first, second = booked
    client.force_login(cochair)
    page = client.get(cancel_url(meeting)).content.decode()
    assert "2 members" in page and "Yes, cancel the meeting" in page
    assert Event.objects.get(pk=meeting.pk).status == "scheduled"
    response = client.post(cancel_url(meeting))
    assert response.status_code == 302
    # The meeting is now kept as a cancelled event (with its bookings, for its history)
    # rather than deleted; nobody can book it any more.
    assert Event.objects.get(pk=meeting.pk).status == "cancelled"
    with pytest.raises(services.BookingError, match="cancelled"):
        services.book(meeting, user=MembershipFactory(network=network).user)
    page = client.get(network.url).content.decode()
    assert "has been cancelled" in page  # the message, and no meeting left to book
    assert f"/meetings/{meeting.pk}/register/" not in page
    call_command("run_outbox_worker", once=True)
    assert sorted(m.to[0] for m in mailoutbox) == sorted([first.email, second.email])
    assert all("cancelled" in m.subject.lower() for m in mailoutbox)
    assert "Spring gathering" in mailoutbox[0].body


def test_other_people_cannot_change_or_cancel(
    client, network, booked, cochair_other, past_cochair, network_member
):
    meeting, *_ = booked
    for person in (cochair_other, past_cochair, network_member):
        client.force_login(person)
        assert client.post(edit_url(meeting), form_data(meeting)).status_code == 404
        assert client.post(cancel_url(meeting)).status_code == 404
    meeting.refresh_from_db()
    assert meeting.status == "scheduled"
    assert meeting.title == "Spring gathering"


def test_a_past_meeting_is_not_changed(client, network, cochair):
    meeting = MeetingFactory(
        network=network, starts_at=timezone.now() - timedelta(days=2)
    )
    client.force_login(cochair)
    assert client.get(edit_url(meeting)).status_code == 404
    assert client.post(cancel_url(meeting)).status_code == 404


def test_workspace_links_to_change_and_cancel(client, network, cochair, booked):
    meeting, *_ = booked
    client.force_login(cochair)
    text = client.get(
        reverse("networks:workspace", kwargs={"slug": network.slug})
    ).content.decode()
    assert edit_url(meeting) in text and cancel_url(meeting) in text
