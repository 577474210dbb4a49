"""Pairings on "Things to do": a partner's invitation until they answer, each side's
reflection until they send it; and claims for sessions wait for staff approval."""

import datetime
from types import SimpleNamespace

import pytest

from members.coaching import reflections, services, sessions, todos
from members.coaching.models import Pairing
from members.payments import ledger
from members.payments import todos as payment_todos
from members.payments.models import Claim
from tests.factories import UserFactory
from tests.factories.pairings import make_pairing, make_partner

S = Pairing.Status


@pytest.fixture
def partner(db):
    return make_partner("pat.partner@example.org", first_name="Pat")


@pytest.fixture
def leader(db):
    return UserFactory(email="lee.leader@example.org", first_name="Lee")


def items(provider, user):
    return provider(SimpleNamespace(user=user))


def kinds(user):
    return [item.kind for item in items(todos.pairings_waiting, user)]


def test_invited_partner_is_asked_until_they_answer(partner):
    pairing = make_pairing(partner, S.PARTNER_INVITED)
    [item] = items(todos.pairings_waiting, partner)
    assert item.kind == "pairing_invitation"
    assert item.link_text == f"Respond to {pairing.reference}"
    assert item.url == f"/portal/pairings/{pairing.pk}/respond/"
    services.accept_pairing(pairing, partner)
    assert kinds(partner) == []


def test_the_reflection_prompt_goes_once_sent(partner, leader):
    pairing = make_pairing(partner, S.ACTIVE, leader=leader)
    assert kinds(leader) == kinds(partner) == []
    services.change_status(pairing, "complete", by=leader)
    assert kinds(leader) == kinds(partner) == ["pairing_reflection"]
    reflections.submit_reflection(
        pairing,
        by=leader,
        role="leader",
        data={
            "what_changed": "I listen.",
            "what_helped": "Questions.",
            "would_recommend": "yes",
        },
    )
    assert kinds(leader) == []
    assert kinds(partner) == ["pairing_reflection"]


def test_nothing_for_someone_else(partner, member_other):
    make_pairing(partner, S.PARTNER_INVITED)
    assert kinds(member_other) == []


def test_the_dashboard_shows_the_reflection_task(client, partner, leader):
    pairing = make_pairing(partner, S.ACTIVE, leader=leader)
    services.change_status(pairing, "complete", by=leader)
    client.force_login(partner)
    html = client.get("/portal/").content.decode()
    assert f"/portal/pairings/{pairing.pk}/reflection/" in html


def test_staff_see_session_claims_waiting_for_approval(partner, staff, member_other):
    """Claims for sessions reach staff's things to do through the payments ledger."""
    pairing = make_pairing(partner, S.ACTIVE)
    assert items(payment_todos.claims_for_staff, staff) == []
    for day in (2, 3):
        sessions.record_session(
            pairing,
            by=partner,
            date=datetime.date(2026, 3, day),
            duration_minutes=60,
            mode="online",
        )
    for claim in Claim.objects.filter(person=partner):
        ledger.submit(claim, by=partner)
    [item] = items(payment_todos.claims_for_staff, staff)
    assert item.text == "2 involvement claims waiting for approval"
    assert items(payment_todos.claims_for_staff, member_other) == []
