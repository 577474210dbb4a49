"""Pairings in "download my data" and "delete my account"."""

import datetime
import json

import pytest

from members.coaching import reflections, sessions
from members.coaching import services as services
from members.coaching.models import (
    Pairing,
    PairingPartner,
    PairingSession,
    Reflection,
)
from members.payments import ledger, sources
from members.payments.models import Claim, ClaimStatus
from tests.factories.pairings import make_pairing, make_partner
from tests.factories.payments import travel
from tests.members.accounts.accounts_helpers import fresh_login
from website.dataexport import erase_for, sections_for

S = Pairing.Status


@pytest.fixture
def finished(db):
    partner = make_partner("pat.partner@example.org")
    pairing = make_pairing(partner, S.ACTIVE)
    session = sessions.record_session(
        pairing,
        by=partner,
        date=datetime.date(2026, 3, 2),
        duration_minutes=60,
        mode="online",
    )
    claim = sources.claims_for_sessions([session.pk], person=partner)[session.pk]
    ledger.add_expense(
        claim, by=partner, category=travel(), amount="5.00", description="Bus fare"
    )
    ledger.submit(claim, by=partner)
    services.change_status(pairing, "complete", by=partner)
    reflections.submit_reflection(
        pairing,
        by=partner,
        role="partner",
        data={
            "what_changed": "Mine",
            "what_helped": "Talk",
            "would_recommend": "yes",
            "anything_else": "",
            "quote_consent": True,
        },
    )
    return pairing, partner


def test_partner_export_has_pairing_sessions_claims_and_reflection(finished):
    pairing, partner = finished
    sections = {section.key: section for section in sections_for(partner)}
    assert sections["pairings"].records[0]["pairing"] == pairing.reference
    assert sections["pairing_sessions"].records[0]["minutes"] == 60
    spent = [r for r in sections["involvement_payments"].records if r.get("details")]
    assert [(r["kind"], r["details"]) for r in spent] == [
        ("fee", "£75.00 a session, agreed for this piece of work"),
        ("expense", "Bus fare"),
    ]
    assert sections["reflections"].records[0]["what_changed"] == "Mine"
    json.dumps([s.records for s in sections.values()], default=str)


def test_leader_export_has_their_pairing(finished):
    pairing, _ = finished
    sections = {section.key: section for section in sections_for(pairing.leader)}
    assert sections["pairings"].records[0]["your_role"] == "Leader"
    assert "involvement_payments" not in sections


def test_my_data_page_lists_pairings(client, finished):
    _, partner = finished
    fresh_login(client, partner)
    response = client.get("/portal/my-data/download.json")
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else response.content.decode()
    )
    assert '"pairings"' in body and "Bus fare" in body


def test_erase_blanks_words_and_keeps_money_and_counts(finished):
    pairing, partner = finished
    erase_for(partner)
    reflection = Reflection.objects.get()
    assert (reflection.what_changed, reflection.quote_consent) == ("", False)
    assert reflection.would_recommend == "yes"
    claim = Claim.objects.get()
    assert claim.status == ClaimStatus.SUBMITTED and claim.person == partner
    assert set(claim.lines.values_list("description", flat=True)) == {""}
    assert sum(claim.lines.values_list("amount", flat=True)) == 80
    assert PairingSession.objects.count() == 1
    assert PairingPartner.objects.get().partner == partner


def test_erase_leader_removes_focus(finished):
    pairing, _ = finished
    erase_for(pairing.leader)
    assert Pairing.objects.get(pk=pairing.pk).focus == "Removed at the leader's request"


def test_erase_leader_also_clears_their_job_title_and_the_end_reason(finished):
    pairing, _ = finished
    Pairing.objects.filter(pk=pairing.pk).update(
        leader_role="Director of Adult Social Care", end_reason="Moved to a new post"
    )
    erase_for(pairing.leader)
    kept = Pairing.objects.get(pk=pairing.pk)
    assert (kept.leader_role, kept.end_reason) == ("", "")
