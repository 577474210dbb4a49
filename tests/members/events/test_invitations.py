"""Invited-only events: organisers invite people by email address; only they see the event
and book it, with their own link or signed in with that address
(members/events/invitations.py)."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from members.events import invitations, services
from members.events.exports import erase_member_data, export_invitations_section
from members.events.models import EventBooking, EventInvitation
from members.events.retention import purge_invitations
from tests.factories import UserFactory
from tests.factories.events import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def roundtable():
    return make_event(
        title="Leaders' roundtable on co-production", audience="invited", capacity=12
    )


def sent(mailoutbox):
    call_command("run_outbox_worker", once=True)
    return mailoutbox


def link_in(message):
    return re.search(r"https?://\S+\?invitation=[\w-]+", message.body).group(0)


def test_addresses_are_read_one_per_line_or_by_commas_each_once():
    found, wrong = invitations.parse(
        "Dana.Director@example.org, kim@example.org\n\n"
        "<sam@example.org>; dana.director@example.org   not-an-address"
    )
    assert found == ["dana.director@example.org", "kim@example.org", "sam@example.org"]
    assert wrong == ["not-an-address"]


def test_an_organiser_invites_people_and_each_is_emailed_their_own_link(
    client, staff, roundtable, mailoutbox
):
    client.force_login(staff)
    url = f"/events/{roundtable.slug}/invitations/"
    response = client.post(
        url, {"addresses": "dana@example.org\nkim@example.org"}, follow=True
    )
    assert "2 people invited. We are emailing each new person." in (
        response.content.decode()
    )
    response = client.post(
        url, {"addresses": "kim@example.org, lee@example.org"}, follow=True
    )
    assert "1 person invited; 1 already had an invitation" in response.content.decode()
    assert sorted(
        EventInvitation.objects.filter(event=roundtable).values_list("email", flat=True)
    ) == ["dana@example.org", "kim@example.org", "lee@example.org"]
    messages = {m.to[0]: m for m in sent(mailoutbox)}
    assert set(messages) == {"dana@example.org", "kim@example.org", "lee@example.org"}
    assert link_in(messages["dana@example.org"]) != link_in(messages["kim@example.org"])
    assert messages["lee@example.org"].subject == (
        "You are invited: Leaders' roundtable on co-production"
    )


@pytest.mark.parametrize(
    "typed, message",
    [
        ("", "Enter at least one email address"),
        (" , ;\n ", "Enter at least one email address"),
        (
            "dana@example.org, <script>alert(1)</script>",
            "These are not email addresses",
        ),
        ("x" * 20001, "That is too much text at once"),
        (
            "\n".join(f"p{n}@example.org" for n in range(201)),
            "Invite at most 200 people at once",
        ),
    ],
    ids=["empty", "only-separators", "hostile", "huge", "too-many"],
)
def test_bad_lists_are_refused_with_a_clear_message_and_nobody_invited(
    client, staff, roundtable, typed, message, mailoutbox
):
    client.force_login(staff)
    response = client.post(
        f"/events/{roundtable.slug}/invitations/", {"addresses": typed}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "<script>alert(1)</script>" not in page
    assert not EventInvitation.objects.exists()
    assert not sent(mailoutbox)


def test_only_the_people_invited_see_the_event(client, roundtable, member):
    invited = UserFactory(email="dana@example.org", groups=["Members"])
    invitations.invite(roundtable, ["dana@example.org"], by=None)
    for who in (None, member):
        if who:
            client.force_login(who)
        assert (
            "roundtable on co-production" not in client.get("/events/").content.decode()
        )
        assert client.get(roundtable.get_absolute_url()).status_code == 404
    client.force_login(invited)
    assert "roundtable on co-production" in client.get("/events/").content.decode()
    assert client.get(roundtable.get_absolute_url()).status_code == 200


def test_a_visitor_books_from_their_link_with_the_invited_address(
    client, roundtable, mailoutbox
):
    (invitation,), _ = invitations.invite(roundtable, ["kim@example.org"], by=None)
    here = f"{roundtable.get_absolute_url()}?invitation={invitation.token}"
    page = client.get(here).content.decode()
    assert "the address you were invited at" in page
    calendar = f"/events/{roundtable.slug}/calendar.ics?invitation={invitation.token}"
    assert calendar in page
    assert client.get(calendar).status_code == 200
    assert client.get(f"/events/{roundtable.slug}/calendar.ics").status_code == 404
    assert 'name="email"' not in page
    response = client.post(
        here,
        {
            "name": "Kim Ng",
            "email": "someone.else@example.org",  # ignored: the invitation books
            "invitation": invitation.token,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == here
    booking = EventBooking.objects.get(event=roundtable)
    assert (booking.name, booking.email, booking.status) == (
        "Kim Ng",
        "kim@example.org",
        "confirmed",
    )


def test_a_wrong_or_removed_link_opens_nothing(client, staff, roundtable):
    (invitation,), _ = invitations.invite(roundtable, ["kim@example.org"], by=None)
    url = roundtable.get_absolute_url()
    assert client.get(f"{url}?invitation=not-the-token").status_code == 404
    assert client.get(f"{url}?invitation=%00%27").status_code == 404
    other = make_event(audience="invited")
    assert (
        client.get(
            f"{other.get_absolute_url()}?invitation={invitation.token}"
        ).status_code
        == 404
    )
    client.force_login(staff)
    client.post(
        f"/events/{roundtable.slug}/invitations/{invitation.pk}/remove/", follow=True
    )
    client.logout()
    assert client.get(f"{url}?invitation={invitation.token}").status_code == 404


def test_booking_an_invited_event_needs_an_invitation(roundtable, member):
    with pytest.raises(services.BookingError, match="people who were invited"):
        services.book(roundtable, user=member)
    with pytest.raises(services.BookingError, match="people who were invited"):
        services.book(roundtable, name="Someone", email="someone@example.org")
    invitations.invite(roundtable, [member.email.lower()], by=None)
    assert services.book(roundtable, user=member).status == "confirmed"


def test_a_public_event_has_no_invitation_list(client, staff):
    event = make_event()
    client.force_login(staff)
    assert client.get(f"/events/{event.slug}/invitations/").status_code == 404


def test_invitations_are_in_the_data_download_and_go_with_the_account(roundtable):
    person = UserFactory(email="Dana@Example.org")
    invitations.invite(roundtable, ["dana@example.org"], by=None)
    section = export_invitations_section(person)
    assert [r["event"] for r in section.records] == [roundtable.title]
    erase_member_data(person)
    assert not EventInvitation.objects.exists()


def test_invitations_go_a_year_after_the_event(roundtable):
    invitations.invite(roundtable, ["dana@example.org"], by=None)
    type(roundtable).objects.filter(pk=roundtable.pk).update(
        starts_at=timezone.now() - timedelta(days=400),
        ends_at=timezone.now() - timedelta(days=399),
    )
    assert purge_invitations(timezone.now()) == 1
    assert not EventInvitation.objects.exists()
