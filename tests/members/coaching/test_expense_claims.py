"""Partners claim the session payment and capped expenses; staff approve, pay and export."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import IntegrityError
from django.urls import reverse

from members.coaching import services as services
from members.coaching import sessions
from members.coaching.models import ExpenseClaim, Pairing, PairingSession
from tests.factories.pairings import make_pairing, make_partner

S = Pairing.Status


@pytest.fixture
def partner(db):
    return make_partner("pat.partner@example.org", first_name="Pat", last_name="Jones")


@pytest.fixture
def pairing(partner):
    return make_pairing(
        partner,
        S.ACTIVE,
        session_payment=Decimal("75.00"),
        expenses_limit=Decimal("30.00"),
    )


@pytest.fixture
def session(pairing, partner):
    return PairingSession.objects.create(
        pairing=pairing,
        date=datetime.date(2026, 3, 2),
        duration_minutes=60,
        mode="in_person",
        recorded_by=partner,
    )


def claim_url(pairing):
    return f"/portal/pairings/{pairing.pk}/claims/new/"


def test_partner_claims_payment_and_expenses(client, partner, pairing, session):
    client.force_login(partner)
    response = client.post(
        claim_url(pairing),
        {
            "session": session.pk,
            "claim_payment": "on",
            "expenses": "12.40",
            "expenses_description": "Return bus fare",
        },
    )
    assert response.status_code == 302
    claim = ExpenseClaim.objects.get()
    assert (claim.payment, claim.expenses, claim.total) == (
        Decimal("75.00"),
        Decimal("12.40"),
        Decimal("87.40"),
    )
    assert claim.status == ExpenseClaim.Status.SUBMITTED


@pytest.mark.parametrize(
    ("expenses", "message"),
    [
        ("-1", "Expenses cannot be negative"),
        ("30.01", "at most £30.00"),
        ("abc", "Enter an amount in pounds"),
        ("1.234", "pounds and pence only"),
        ("1e10", "Enter an amount"),
        ("NaN", "Enter an amount in pounds"),
        ("🙂", "Enter an amount in pounds"),
        ("", "Enter your expenses, or tick the session payment"),
    ],
)
def test_bad_expense_amounts_are_refused(
    client, partner, pairing, session, expenses, message
):
    client.force_login(partner)
    response = client.post(
        claim_url(pairing),
        {"session": session.pk, "expenses": expenses, "expenses_description": "Taxi"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ExpenseClaim.objects.exists()


def test_expenses_need_a_description(client, partner, pairing, session):
    client.force_login(partner)
    response = client.post(claim_url(pairing), {"session": session.pk, "expenses": "5"})
    assert "Say what the expenses were for" in response.content.decode()


def test_one_claim_per_session(partner, pairing, session):
    sessions.submit_claim(
        pairing, partner=partner, session=session, claim_payment=True, expenses=0
    )
    with pytest.raises(services.PairingError, match="already claimed"):
        sessions.submit_claim(
            pairing, partner=partner, session=session, claim_payment=True, expenses=0
        )
    assert ExpenseClaim.objects.count() == 1


def test_service_enforces_cap_and_sign_even_without_the_form(partner, pairing, session):
    for amount in (Decimal("-0.01"), Decimal("30.01")):
        with pytest.raises(services.PairingError):
            sessions.submit_claim(
                pairing,
                partner=partner,
                session=session,
                claim_payment=False,
                expenses=amount,
            )


def test_database_refuses_negative_money(partner, pairing, session):
    with pytest.raises(IntegrityError):
        ExpenseClaim.objects.create(
            pairing=pairing, session=session, partner=partner, expenses=Decimal("-1")
        )


def test_session_from_another_pairing_is_refused(client, partner, pairing):
    other = make_pairing(partner, S.ACTIVE)
    foreign = PairingSession.objects.create(
        pairing=other,
        date=datetime.date(2026, 3, 2),
        duration_minutes=60,
        mode="online",
    )
    client.force_login(partner)
    response = client.post(
        claim_url(pairing), {"session": foreign.pk, "claim_payment": "on"}
    )
    assert "Choose one of the sessions listed" in response.content.decode()


def test_no_payment_option_when_programme_does_not_pay(client, partner):
    unpaid = make_pairing(partner, S.ACTIVE, session_payment=Decimal("0"))
    PairingSession.objects.create(
        pairing=unpaid,
        date=datetime.date(2026, 3, 2),
        duration_minutes=60,
        mode="online",
    )
    client.force_login(partner)
    html = client.get(claim_url(unpaid)).content.decode()
    assert "Claim the session payment" not in html


def test_leader_cannot_claim(client, pairing, session):
    client.force_login(pairing.leader)
    assert client.get(claim_url(pairing)).status_code == 404


def test_staff_approve_then_pay_and_partner_is_told(
    client, staff, partner, pairing, session, mailoutbox
):
    claim = sessions.submit_claim(
        pairing, partner=partner, session=session, claim_payment=True, expenses=0
    )
    client.force_login(staff)
    pay = reverse("pairings_admin:claim_step", args=[claim.pk, "pay"])
    response = client.post(pay, follow=True)
    assert "nothing was changed" in response.content.decode()
    client.post(reverse("pairings_admin:claim_step", args=[claim.pk, "approve"]))
    client.post(pay)
    claim.refresh_from_db()
    assert claim.status == ExpenseClaim.Status.PAID
    assert claim.decided_by == staff and claim.paid_at is not None
    from django.core.management import call_command

    call_command("run_outbox_worker", once=True)
    subjects = [m.subject for m in mailoutbox if partner.email in m.to]
    assert f"Your claim is approved ({pairing.reference})" in subjects
    assert f"Your claim is paid ({pairing.reference})" in subjects


def test_claims_list_filters_and_exports_csv_with_formulas_neutralised(
    client, staff, partner, pairing, session
):
    claim = sessions.submit_claim(
        pairing,
        partner=partner,
        session=session,
        claim_payment=True,
        expenses=Decimal("10"),
        description='=HYPERLINK("http://x")',
    )
    client.force_login(staff)
    listing = client.get(reverse("pairings_admin:claims") + "?status=submitted")
    assert f"£{claim.total}" in listing.content.decode()
    assert (
        reverse("pairings_admin:claim_step", args=[claim.pk, "approve"])
        in listing.content.decode()
    )
    paid_only = client.get(reverse("pairings_admin:claims") + "?status=paid")
    assert "No claims with this status" in paid_only.content.decode()
    response = client.get(reverse("pairings_admin:claims") + "?export=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Claim", "Pairing", "Partner"]
    assert rows[1][1] == pairing.reference
    assert rows[1][5:8] == ["75.00", "10.00", "85.00"]
    assert rows[1][8].startswith("'=")


def test_claims_list_query_budget(
    client, staff, partner, pairing, django_assert_max_num_queries
):
    def add(count):
        for n in range(count):
            s = PairingSession.objects.create(
                pairing=pairing,
                date=datetime.date(2026, 1, 1 + n % 28),
                duration_minutes=30,
                mode="online",
            )
            ExpenseClaim.objects.create(
                pairing=pairing, session=s, partner=partner, payment=1
            )

    add(2)
    client.force_login(staff)
    client.get(reverse("pairings_admin:claims"))
    with django_assert_max_num_queries(60) as few:
        client.get(reverse("pairings_admin:claims"))
    add(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("pairings_admin:claims"))
