"""Pairing and claim history lives in the shared Activity table, read as sentences."""

import datetime

import pytest

from members.coaching import services, sessions
from members.coaching.models import Pairing
from members.payments import ledger
from members.payments.models import Claim
from tests.factories.pairings import make_pairing, make_partner
from tests.factories.payments import make_finance
from website import activity

S = Pairing.Status
LEDGER_STEPS = [
    "Claim opened",
    "Status changed from To send to Sent, waiting for approval",
    "Status changed from Sent, waiting for approval to Approved, waiting for payment",
    "Status changed from Approved, waiting for payment to Paid",
]


@pytest.fixture
def partner(db):
    return make_partner("pat.partner@example.org", first_name="Pat")


def test_pairing_history_has_human_labels_and_roles(partner, staff):
    pairing = make_pairing(partner, S.ACTIVE)
    sessions.record_session(
        pairing,
        by=partner,
        date=datetime.date(2026, 3, 2),
        duration_minutes=60,
        mode="online",
    )
    services.change_status(pairing, "pause", by=staff, note="Holiday")
    lines = activity.history(pairing)
    assert [line.label for line in lines] == [
        "Session recorded",
        "Status changed from Active to Paused",
    ]
    assert [line.actor_role for line in lines] == ["partner", "staff"]
    assert lines[1].note == "Holiday"
    assert activity.history(pairing, participant=True) == []


def test_admin_detail_renders_the_shared_history_panel(client, partner, staff):
    pairing = make_pairing(partner, S.ACTIVE)
    services.change_status(pairing, "complete", by=staff)
    client.force_login(staff)
    html = client.get(f"/admin/pairings/{pairing.pk}/").content.decode()
    assert "Status changed from Active to Completed" in html


def test_a_session_claim_goes_through_the_ledgers_workflow(partner, staff):
    pairing = make_pairing(partner, S.ACTIVE)
    sessions.record_session(
        pairing,
        by=partner,
        date=datetime.date(2026, 3, 2),
        duration_minutes=60,
        mode="online",
    )
    claim = Claim.objects.get(person=partner)
    ledger.submit(claim, by=partner)
    ledger.approve(claim, by=staff)
    ledger.pay(claim, by=make_finance(), reference="BACS 1")
    claim.refresh_from_db()
    assert claim.approved_by == staff and claim.paid_on and claim.approved_at
    assert [line.label for line in activity.history(claim)] == LEDGER_STEPS
    with pytest.raises(ledger.PaymentError, match="This claim is paid"):
        ledger.approve(claim, by=staff)


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
