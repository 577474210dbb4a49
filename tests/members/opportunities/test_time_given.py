"""Time given on an opportunity: staff confirm a day and hours for a member who accepted
a place, which is a line in the interest's history and opens a claim in the member's
payments at the opportunity's own terms."""

import datetime
from decimal import Decimal

import pytest

from members.opportunities import involvement
from members.payments import preferences
from members.payments.models import Claim, Involvement, PaymentChoice
from tests.factories.opportunities import (
    InterestFactory,
    ensure_index,
    make_opportunity,
)
from website import activity

INSPECT = "/admin/members/expressionofinterest/inspect/{}/"
DAY = datetime.date(2026, 11, 10)


@pytest.fixture
def accepted(home_page, member):
    opportunity = make_opportunity(
        ensure_index(home_page),
        title="Research advisory panel",
        payment_unit="hour",
        payment_amount=Decimal("22.50"),
    )
    return InterestFactory(opportunity=opportunity, member=member, status="accepted")


def test_staff_confirm_time_and_the_member_gets_a_claim_at_the_stated_rate(
    client, staff, member, accepted
):
    client.force_login(staff)
    page = client.get(INSPECT.format(accepted.pk)).content.decode()
    assert "Confirm the time" in page
    response = client.post(
        INSPECT.format(accepted.pk),
        {"action": "hours", "happened_on": DAY.isoformat(), "hours": "2.5"},
    )
    assert response.status_code == 302
    claim = Claim.objects.get(person=member)
    assert (claim.involvement, claim.title, claim.happened_on) == (
        Involvement.OPPORTUNITY,
        "Research advisory panel",
        DAY,
    )
    assert claim.logged_by == staff
    [fee] = claim.lines.all()
    assert (fee.amount, fee.description) == (
        Decimal("56.25"),
        "2.5 hours at £22.50 an hour",
    )
    lines = activity.history(accepted, participant=True)
    assert [line.label for line in lines][-1] == "Time given confirmed"
    # The same day again is the same claim, never a second one.
    client.post(
        INSPECT.format(accepted.pk),
        {"action": "hours", "happened_on": DAY.isoformat(), "hours": "2.5"},
    )
    assert Claim.objects.filter(person=member).count() == 1


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"hours": ""}, "Enter the hours"),
        ({"hours": "0"}, "Enter at least 0.25 hours"),
        ({"hours": "1" * 30}, "Enter 24 hours or fewer"),
        ({"hours": "<b>"}, "Enter a number of hours"),
        ({"happened_on": "2999-01-01"}, "Confirm time after it has been given"),
        ({"happened_on": "yesterday"}, "Enter a real date"),
    ],
)
def test_nonsense_gets_a_message_and_no_claim(client, staff, accepted, fields, message):
    client.force_login(staff)
    data = {"action": "hours", "happened_on": DAY.isoformat(), "hours": "2", **fields}
    response = client.post(INSPECT.format(accepted.pk), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Claim.objects.exists()


def test_only_an_accepted_place_counts_and_no_payment_means_no_claim(
    client, staff, member, accepted
):
    accepted.status = "shortlisted"
    accepted.save()
    with pytest.raises(involvement.HoursError):
        involvement.confirm_hours(
            accepted, by=staff, happened_on=DAY, hours=Decimal("1")
        )
    client.force_login(staff)
    assert (
        "Confirm the time"
        not in client.get(INSPECT.format(accepted.pk)).content.decode()
    )
    accepted.status = "accepted"
    accepted.save()
    preferences.save(member, by=member, choice=PaymentChoice.NO_PAYMENT)
    response = client.post(
        INSPECT.format(accepted.pk),
        {"action": "hours", "happened_on": DAY.isoformat(), "hours": "1"},
        follow=True,
    )
    assert "chose not to be paid, so no claim was opened" in response.content.decode()
    assert not Claim.objects.exists()


@pytest.mark.parametrize(
    "unit, amount, fee",
    [
        ("voluntary", None, []),
        ("session", "40.00", [Decimal("40.00")]),
        ("day", "150.00", [Decimal("150.00")]),
    ],
)
def test_each_kind_of_terms_sets_the_fee(home_page, member, staff, unit, amount, fee):
    opportunity = make_opportunity(
        ensure_index(home_page),
        title=f"Panel {unit}",
        payment_unit=unit,
        payment_amount=Decimal(amount) if amount else None,
    )
    interest = InterestFactory(
        opportunity=opportunity, member=member, status="accepted"
    )
    claim = involvement.confirm_hours(
        interest, by=staff, happened_on=DAY, hours=Decimal("3")
    )
    assert [line.amount for line in claim.lines.all()] == fee
