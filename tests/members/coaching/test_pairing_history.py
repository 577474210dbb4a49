"""Pairing and claim history lives in the shared Activity table, read as sentences."""

import datetime

import pytest

from members.coaching import services, sessions
from members.coaching.models import Pairing, PairingSession
from tests.factories.pairings import make_pairing, make_partner
from website import activity

S = Pairing.Status


@pytest.fixture
def partner(db):
    return make_partner("pat.partner@example.org", first_name="Pat")


def test_pairing_history_has_human_labels_and_roles(partner, staff):
    pairing = make_pairing(partner, S.ACTIVE)
    services.change_status(pairing, "pause", by=staff, note="Holiday")
    sessions_line = PairingSession.objects.create(
        pairing=pairing,
        date=datetime.date(2026, 3, 2),
        duration_minutes=60,
        mode="online",
        recorded_by=partner,
    )
    sessions.submit_claim(
        pairing, partner=partner, session=sessions_line, claim_payment=True, expenses=0
    )
    lines = activity.history(pairing)
    assert [line.label for line in lines] == [
        "Status changed from Active to Paused",
        "Claim submitted",
    ]
    assert [line.actor_role for line in lines] == ["staff", "partner"]
    assert lines[0].note == "Holiday"
    assert activity.history(pairing, participant=True) == []


def test_admin_detail_renders_the_shared_history_panel(client, partner, staff):
    pairing = make_pairing(partner, S.ACTIVE)
    services.change_status(pairing, "complete", by=staff)
    client.force_login(staff)
    html = client.get(f"/admin/pairings/{pairing.pk}/").content.decode()
    assert "Status changed from Active to Completed" in html


def test_claim_decisions_go_through_the_claim_workflow(partner, staff):
    pairing = make_pairing(partner, S.ACTIVE)
    session = PairingSession.objects.create(
        pairing=pairing,
        date=datetime.date(2026, 3, 2),
        duration_minutes=60,
        mode="online",
        recorded_by=partner,
    )
    claim = sessions.submit_claim(
        pairing, partner=partner, session=session, claim_payment=True, expenses=0
    )
    sessions.decide_claim(claim, "approve", by=staff)
    sessions.decide_claim(claim, "pay", by=staff)
    claim.refresh_from_db()
    assert claim.decided_by == staff and claim.paid_at and claim.decided_at
    assert [line.label for line in activity.history(claim)] == [
        "Status changed from Submitted to Approved",
        "Status changed from Approved to Paid",
    ]
    with pytest.raises(services.PairingError, match="This claim is paid"):
        sessions.decide_claim(claim, "approve", by=staff)


def test_the_pairing_workflow_offers_each_person_todays_moves(
    partner, staff, member_other
):
    from members.coaching.lifecycle import PAIRING_FLOW
    from tests.factories import UserFactory

    leader = UserFactory(email="lee.leader@example.org")
    pairing = make_pairing(partner, S.ACTIVE, leader=leader)
    moves = [S.PAUSED, S.COMPLETED, S.ENDED_EARLY]
    assert PAIRING_FLOW.targets(pairing, leader) == moves
    assert PAIRING_FLOW.targets(pairing, partner) == moves
    assert PAIRING_FLOW.targets(pairing, staff) == moves
    assert PAIRING_FLOW.targets(pairing, member_other) == []
    with pytest.raises(services.PairingError, match="Give a reason"):
        services.change_status(pairing, "end_early", by=leader, note=" ")
