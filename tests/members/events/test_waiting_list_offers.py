"""A freed place is offered to the first person waiting, who has until a deadline to
confirm it; an offer not taken up in time passes to the next person (members/events)."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from members.events import services
from members.events.models import BookingStatus, EventBooking
from tests.factories.events import make_event

pytestmark = pytest.mark.django_db


def delivered(mailoutbox):
    call_command("run_outbox_worker", once=True)
    return mailoutbox


@pytest.fixture
def full_event(member, member_other):
    """One place, taken by `member`; a visitor then `member_other` wait for it."""
    event = make_event(capacity=1)
    taken = services.book(event, user=member)
    visitor = services.book(event, name="Vi Sitor", email="vi@example.org")
    other = services.book(event, user=member_other)
    return event, taken, visitor, other


def status(booking):
    return EventBooking.objects.get(pk=booking.pk).status


def test_a_freed_place_is_offered_with_a_deadline_and_no_joining_link(
    full_event, mailoutbox
):
    event, taken, visitor, other = full_event
    offered = services.cancel(taken)
    assert offered.pk == visitor.pk
    assert offered.status == BookingStatus.OFFERED
    hours = (offered.offer_expires_at - timezone.now()) / timedelta(hours=1)
    assert 47 < hours <= 48
    # While the offer is open the place is held: the next booker waits.
    assert services.places_left(event) == 0
    late = services.book(event, name="La Te", email="late@example.org")
    assert late.status == BookingStatus.WAITING
    delivered(mailoutbox)
    offer_email = [m for m in mailoutbox if m.to == ["vi@example.org"]][-1]
    assert "confirm" in offer_email.subject.lower()
    assert "JOIN-SECRET" not in offer_email.body
    assert f"/events/booking/{visitor.token}/" in offer_email.body
    assert status(other) == BookingStatus.WAITING


def test_confirming_in_time_gives_the_place_and_the_joining_link(
    full_event, mailoutbox
):
    event, taken, visitor, _other = full_event
    services.cancel(taken)
    confirmed = services.confirm_offer(EventBooking.objects.get(pk=visitor.pk))
    assert confirmed.status == BookingStatus.CONFIRMED
    assert confirmed.offer_expires_at is None
    delivered(mailoutbox)
    assert mailoutbox[-1].to == ["vi@example.org"]
    assert "JOIN-SECRET" in mailoutbox[-1].body


def test_confirming_after_the_deadline_is_refused_and_changes_nothing(full_event):
    _event, taken, visitor, _other = full_event
    services.cancel(taken)
    EventBooking.objects.filter(pk=visitor.pk).update(
        offer_expires_at=timezone.now() - timedelta(minutes=1)
    )
    with pytest.raises(services.BookingError, match="time to confirm"):
        services.confirm_offer(EventBooking.objects.get(pk=visitor.pk))
    assert status(visitor) == BookingStatus.OFFERED


@pytest.mark.parametrize("state", ["waiting", "confirmed", "cancelled"])
def test_only_an_open_offer_can_be_confirmed(member, state):
    booking = services.book(make_event(), user=member)
    EventBooking.objects.filter(pk=booking.pk).update(status=state)
    with pytest.raises(services.BookingError):
        services.confirm_offer(EventBooking.objects.get(pk=booking.pk))
    assert status(booking) == state


def test_a_lapsed_offer_passes_to_the_next_person_waiting(full_event, mailoutbox):
    event, taken, visitor, other = full_event
    services.cancel(taken)
    later = timezone.now() + timedelta(hours=49)
    assert services.lapse_expired_offers(now=later) == 1
    assert status(visitor) == BookingStatus.CANCELLED
    assert status(other) == BookingStatus.OFFERED
    assert services.lapse_expired_offers(now=later) == 0  # nothing twice
    delivered(mailoutbox)
    told = {m.to[0]: m.subject for m in mailoutbox[-2:]}
    assert "vi@example.org" in told and "other.member@example.org" in told


def test_declining_an_offer_passes_it_on_at_once(full_event):
    _event, taken, visitor, other = full_event
    services.cancel(taken)
    services.cancel(EventBooking.objects.get(pk=visitor.pk))
    assert status(other) == BookingStatus.OFFERED


def test_a_place_freed_just_before_the_event_is_given_not_offered(
    member, member_other, mailoutbox
):
    """Too close to the start for anyone to answer in time: the place is theirs."""
    event = make_event(capacity=1, starts_at=timezone.now() + timedelta(hours=2))
    taken = services.book(event, user=member)
    waiting = services.book(event, user=member_other)
    given = services.cancel(taken)
    assert given.pk == waiting.pk and given.status == BookingStatus.CONFIRMED
    delivered(mailoutbox)
    assert "JOIN-SECRET" in mailoutbox[-1].body


def test_an_offer_never_outlasts_the_event_start(member, member_other):
    event = make_event(capacity=1, starts_at=timezone.now() + timedelta(hours=20))
    taken = services.book(event, user=member)
    services.book(event, user=member_other)
    offered = services.cancel(taken)
    assert offered.status == BookingStatus.OFFERED
    assert offered.offer_expires_at <= event.starts_at - timedelta(hours=1)


def test_the_hourly_command_lapses_expired_offers(full_event, settings):
    _event, taken, visitor, other = full_event
    services.cancel(taken)
    EventBooking.objects.filter(pk=visitor.pk).update(
        offer_expires_at=timezone.now() - timedelta(minutes=1)
    )
    call_command("send_event_reminders")
    assert status(visitor) == BookingStatus.CANCELLED
    assert status(other) == BookingStatus.OFFERED


def test_a_member_confirms_from_the_portal_and_sees_it_in_things_to_do(
    client, full_event
):
    event, taken, _visitor, other = full_event
    services.cancel(taken)
    services.cancel(EventBooking.objects.get(pk=_visitor.pk))  # the visitor declines
    client.force_login(other.user)
    dashboard = client.get("/portal/").content.decode()
    assert f"Confirm your place: {event.title}" in dashboard
    # The deadline is a moment, not a day: its time of day is shown.
    assert re.search(r"by \d+ \w+ \d{4}, \d+:\d\d [ap]\.m\.", dashboard)
    page = client.get("/portal/events/").content.decode()
    assert "Confirm my place" in page
    response = client.post(f"/portal/events/{other.pk}/confirm/", follow=True)
    assert "Your place is confirmed" in response.content.decode()
    assert status(other) == BookingStatus.CONFIRMED
    assert (
        f"Confirm your place: {event.title}"
        not in client.get("/portal/").content.decode()
    )


def test_someone_else_cannot_confirm_a_members_offer(client, full_event, member):
    _event, taken, visitor, other = full_event
    services.cancel(taken)
    services.cancel(EventBooking.objects.get(pk=visitor.pk))
    client.force_login(member)
    assert client.post(f"/portal/events/{other.pk}/confirm/").status_code == 404
    assert status(other) == BookingStatus.OFFERED


def test_a_visitor_confirms_from_their_manage_link(client, full_event):
    _event, taken, visitor, _other = full_event
    services.cancel(taken)
    page = client.get(f"/events/booking/{visitor.token}/").content.decode()
    assert "Confirm my place" in page and "confirm by" in page.lower()
    response = client.post(f"/events/booking/{visitor.token}/confirm/", follow=True)
    assert "Your place is confirmed" in response.content.decode()
    assert status(visitor) == BookingStatus.CONFIRMED


def test_a_late_visitor_is_told_why(client, full_event):
    _event, taken, visitor, _other = full_event
    services.cancel(taken)
    EventBooking.objects.filter(pk=visitor.pk).update(
        offer_expires_at=timezone.now() - timedelta(minutes=1)
    )
    response = client.post(f"/events/booking/{visitor.token}/confirm/", follow=True)
    assert "time to confirm" in response.content.decode()
    assert status(visitor) == BookingStatus.OFFERED


def test_the_confirm_button_carries_the_pages_csrf_token(full_event):
    """The offer form is a shared component included with `only`: it must still hold a
    token, or every real browser gets "403 Forbidden" (the test client skips CSRF)."""
    from django.test import Client

    _event, taken, visitor, _other = full_event
    services.cancel(taken)
    client = Client(enforce_csrf_checks=True)
    page = client.get(f"/events/booking/{visitor.token}/").content.decode()
    offer = page[page.index('<div class="notice notice--warning offer">') :]
    form = offer[: offer.index("</form>")]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    response = client.post(
        f"/events/booking/{visitor.token}/confirm/",
        {"csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert status(visitor) == BookingStatus.CONFIRMED
