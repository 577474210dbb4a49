"""Claims staff add by hand: the same ledger as any other, for the person named, never for
someone who chose no payment, and approved by somebody else."""

import datetime

import pytest
from django.urls import reverse

from members.payments import ledger, preferences
from members.payments.models import Claim, ClaimStatus, PaymentChoice
from tests.factories.payments import make_rate
from tests.factories.users import UserFactory

URL = "/admin/payments/add/"


@pytest.fixture
def rate(db):
    return make_rate(fee="25.00", unit="hour", cost_code="ADD-1", strand="Panels")


def form(**fields):
    return {
        "email": "member@example.org",
        "involvement": "event",
        "title": "Interview panel for a new director",
        "happened_on": "2026-11-03",
        "hours": "3",
        **fields,
    }


def test_staff_add_a_claim_the_person_then_checks_and_sends(
    client, staff, member, rate, mailoutbox
):
    member.email = "member@example.org"
    member.save()
    client.force_login(staff)
    page = client.get(reverse("payments_admin:queue")).content.decode()
    assert f'href="{URL}"' in page
    response = client.post(URL, form(email="MEMBER@example.org"))
    claim = Claim.objects.get(person=member)
    assert response["Location"] == f"/admin/payments/{claim.pk}/"
    assert (claim.title, claim.status, claim.logged_by) == (
        "Interview panel for a new director",
        ClaimStatus.DRAFT,
        staff,
    )
    assert (claim.cost_code, claim.strand) == ("ADD-1", "Panels")
    assert [line.amount for line in claim.lines.all()] == [75]
    ledger.submit(claim, by=member)
    # Whoever added it cannot approve it: somebody else must.
    with pytest.raises(ledger.PaymentError):
        ledger.approve(claim, by=staff)
    other = UserFactory(email="second.staff@example.org", groups=["Programme staff"])
    ledger.approve(claim, by=other)
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.APPROVED


def test_nobody_who_chose_no_payment_gets_a_claim(client, staff, member, rate):
    preferences.save(member, by=member, choice=PaymentChoice.NO_PAYMENT)
    client.force_login(staff)
    response = client.post(URL, form(email=member.email))
    assert response.status_code == 400
    assert "chose not to be paid" in response.content.decode()
    assert not Claim.objects.exists()


@pytest.mark.parametrize(
    "fields, message",
    [
        (
            {"email": "nobody@example.org"},
            "Nobody with a Voices account has that address",
        ),
        ({"email": "not an email"}, "Enter an email address like name@example.org"),
        ({"title": ""}, "Say what the involvement was"),
        ({"title": "\x01\x02"}, "Say what the involvement was"),
        ({"title": "x" * 201}, "Keep this to 200 characters or fewer"),
        (
            {"happened_on": "2999-01-01"},
            "Add a claim after the involvement has happened",
        ),
        ({"happened_on": "1999-12-31"}, "Enter a date after the year 2000"),
        ({"happened_on": "31 February"}, "Enter a real date"),
        ({"hours": "-1"}, "Enter at least 0.25 hours"),
        ({"hours": "9" * 40}, "Enter 24 hours or fewer"),
        ({"hours": "lots"}, "Enter a number of hours"),
        ({"involvement": "<script>"}, "Choose one of the kinds listed"),
    ],
)
def test_nonsense_gets_a_clear_message_and_no_claim(
    client, staff, member, rate, fields, message
):
    client.force_login(staff)
    response = client.post(URL, form(**{"email": member.email, **fields}))
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body and "There is a problem" in body
    assert "<title>Error: Add a claim" in body
    assert not Claim.objects.exists()


def test_finance_and_editors_cannot_add_claims(client, editor, rate, member):
    from tests.factories.payments import make_finance

    for person in (make_finance(), editor):
        client.force_login(person)
        assert client.post(URL, form(email=member.email)).status_code == 403
    assert not Claim.objects.exists()


def test_the_date_and_hours_are_optional_where_they_should_be(
    client, staff, member, db
):
    make_rate(fee="60.00", unit="session")
    client.force_login(staff)
    client.post(
        URL, form(email=member.email, hours="", happened_on=datetime.date(2026, 10, 1))
    )
    claim = Claim.objects.get()
    assert [line.amount for line in claim.lines.all()] == [60]
