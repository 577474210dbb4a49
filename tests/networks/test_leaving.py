"""Leaving a network asks first, says what leaving means, and an open network can be
joined again afterwards."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from members.events import services as bookings
from members.events.models import EventBooking
from networks.models import NetworkMembership
from tests.factories.networks import MeetingFactory


def leave_url(network):
    return reverse("networks:leave", kwargs={"slug": network.slug})


def set_join_mode(network, mode):
    network.join_mode = mode
    network.save_revision().publish()


def test_first_post_asks_for_confirmation_and_changes_nothing(
    client, network, network_member
):
    client.force_login(network_member)
    response = client.post(leave_url(network))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Yes, leave" in text
    assert "Cancel" in text
    assert "members-only updates" in text
    assert 'name="csrfmiddlewaretoken"' in text
    assert NetworkMembership.objects.filter(user=network_member).exists()


def test_get_never_leaves(client, network, network_member):
    client.force_login(network_member)
    assert client.get(leave_url(network)).status_code == 405
    assert NetworkMembership.objects.filter(user=network_member).exists()


def test_confirmation_needs_the_csrf_token(network, network_member):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(network_member)
    assert strict.post(leave_url(network), {"confirm": "yes"}).status_code == 403
    assert NetworkMembership.objects.filter(user=network_member).exists()


def test_confirmed_leave_frees_places(client, network, network_member):
    meeting = MeetingFactory(
        network=network, starts_at=timezone.now() + timedelta(days=3), capacity=1
    )
    bookings.book(meeting, user=network_member)
    client.force_login(network_member)
    response = client.post(leave_url(network), {"confirm": "yes"})
    assert response.status_code == 302
    assert not NetworkMembership.objects.filter(user=network_member).exists()
    assert (
        EventBooking.objects.get(user=network_member, event=meeting).status
        == "cancelled"
    )


def test_confirmation_page_mentions_places_given_up(client, network, network_member):
    meeting = MeetingFactory(
        network=network, starts_at=timezone.now() + timedelta(days=3), capacity=5
    )
    bookings.book(meeting, user=network_member)
    client.force_login(network_member)
    text = client.post(leave_url(network)).content.decode()
    assert meeting.title in text


def test_a_non_member_is_sent_back_to_the_network(client, network, lone_member):
    client.force_login(lone_member)
    response = client.post(leave_url(network))
    assert response.status_code == 302
    assert response["Location"] == network.url


@pytest.mark.parametrize(
    ("mode", "says"),
    [("open", "join again"), ("request", "ask again"), ("invitation", "invite")],
)
def test_confirmation_says_how_to_come_back(
    client, network, network_member, mode, says
):
    set_join_mode(network, mode)
    client.force_login(network_member)
    assert says in client.post(leave_url(network)).content.decode()


def test_leaving_an_open_network_and_joining_again(client, network, network_member):
    set_join_mode(network, "open")
    client.force_login(network_member)
    client.post(leave_url(network), {"confirm": "yes"})
    text = client.get(network.url).content.decode()
    assert "Join this network" in text
    join = reverse("networks:join", kwargs={"slug": network.slug})
    assert client.get(join).status_code == 200
    assert client.post(join).status_code == 302
    assert NetworkMembership.objects.filter(user=network_member).exists()
    assert (
        "You are a member of this network." in client.get(network.url).content.decode()
    )
