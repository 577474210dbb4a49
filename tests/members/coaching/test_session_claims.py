"""Coaching sessions in the payments ledger: each session recorded opens a claim for the
partner at the pairing's session payment; the partner sends it from My payments, staff
approve it and finance pay it there, and the old claim page leads there."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from members.coaching import sessions
from members.coaching.models import Pairing
from members.payments import ledger, preferences
from members.payments.models import Claim, ClaimStatus, Involvement, PaymentChoice
from tests.factories.pairings import make_pairing, make_partner
from tests.factories.payments import make_finance, travel

S = Pairing.Status
DAY = datetime.date(2026, 11, 2)


@pytest.fixture
def partner(db):
    return make_partner("pat.partner@example.org", first_name="Pat", last_name="Jones")


@pytest.fixture
def pairing(partner):
    return make_pairing(partner, S.ACTIVE, session_payment=Decimal("75.00"))


def record(pairing, by, day=DAY):
    return sessions.record_session(
        pairing, by=by, date=day, duration_minutes=60, mode="in_person"
    )


def test_a_recorded_session_opens_a_claim_at_the_pairings_payment(
    client, partner, pairing
):
    session = record(pairing, by=pairing.leader)
    claim = Claim.objects.get(person=partner)
    assert claim.source == f"coaching-session:{session.pk}"
    assert (claim.involvement, claim.status) == (
        Involvement.COACHING_SESSION,
        ClaimStatus.DRAFT,
    )
    assert claim.title == "Coaching session on 2 November 2026"
    assert claim.logged_by == pairing.leader and claim.happened_on == DAY
    assert [(line.kind, line.amount) for line in claim.lines.all()] == [
        ("fee", Decimal("75.00"))
    ]
    assert not Claim.objects.filter(person=pairing.leader).exists()
    client.force_login(partner)
    page = client.get(f"/portal/pairings/{pairing.pk}/").content.decode()
    assert f'href="/portal/payments/{claim.pk}/"' in page
    assert "£75.00, to send" in page


def test_no_payment_means_no_claim_and_a_zero_payment_means_expenses_only(
    partner, pairing
):
    preferences.save(partner, by=partner, choice=PaymentChoice.NO_PAYMENT)
    record(pairing, by=partner)
    assert not Claim.objects.filter(person=partner).exists()
    preferences.save(partner, by=partner, choice=PaymentChoice.FEE_AND_EXPENSES)
    unpaid = make_pairing(partner, S.ACTIVE, session_payment=Decimal("0"))
    record(unpaid, by=partner, day=DAY - datetime.timedelta(days=1))
    claim = Claim.objects.get(person=partner)
    assert not claim.lines.exists()
    ledger.add_expense(claim, by=partner, category=travel(), amount="6.20")
    ledger.submit(claim, by=partner)
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.SUBMITTED


def test_the_partner_sends_staff_approve_and_finance_pay(
    client, partner, pairing, staff
):
    record(pairing, by=partner)
    claim = Claim.objects.get(person=partner)
    client.force_login(partner)
    client.post(reverse("members:my_claim_send", args=[claim.pk]), {"take_fee": "yes"})
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.SUBMITTED
    ledger.approve(
        claim, by=staff
    )  # the partner recorded it; staff are a second person
    ledger.pay(claim, by=make_finance(), reference="BACS 77", paid_on=DAY)
    claim.refresh_from_db()
    assert (claim.status, claim.payment_reference) == (ClaimStatus.PAID, "BACS 77")
    client.force_login(staff)
    detail = client.get(reverse("pairings_admin:detail", args=[pairing.pk]))
    assert f'href="/admin/payments/{claim.pk}/"' in detail.content.decode()


def test_recording_the_same_session_twice_never_opens_two_claims(partner, pairing):
    record(pairing, by=partner)
    record(pairing, by=pairing.leader, day=DAY + datetime.timedelta(days=1))
    assert Claim.objects.filter(person=partner).count() == 2
    assert len(set(Claim.objects.values_list("source", flat=True))) == 2


def test_the_old_claim_page_leads_to_my_payments_and_nowhere_for_others(
    client, partner, pairing, member
):
    url = f"/portal/pairings/{pairing.pk}/claims/new/"
    client.force_login(partner)
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, "/portal/payments/")
    client.force_login(member)
    assert client.get(url).status_code == 404


def test_the_pairings_expenses_limit_holds_for_each_sessions_claim(partner):
    pairing = make_pairing(
        partner,
        S.ACTIVE,
        session_payment=Decimal("75.00"),
        expenses_limit=Decimal("20"),
    )
    record(pairing, by=partner)
    claim = Claim.objects.get(person=partner)
    ledger.add_expense(claim, by=partner, category=travel(), amount="15.00")
    with pytest.raises(ledger.PaymentError, match="at most £20.00 in all"):
        ledger.add_expense(claim, by=partner, category=travel(), amount="5.01")
    ledger.add_expense(claim, by=partner, category=travel(), amount="5.00")
    assert claim.lines.filter(kind="expense").count() == 2
