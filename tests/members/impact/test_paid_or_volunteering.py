"""How Lived Experience Partners chose to be paid: today's choice with no dates, and with
dates the partners who took part then, counted as they chose for that work."""

import datetime

import pytest

from members.impact import figures
from members.impact.figures import Filters
from members.payments.models import Claim, ClaimStatus, PaymentChoice, PaymentPreference
from tests.factories.pairings import make_partner

pytestmark = pytest.mark.django_db
APRIL = Filters(start=datetime.date(2026, 4, 1), end=datetime.date(2026, 4, 30))


def partner_who(pay_as, *, on=datetime.date(2026, 4, 10), now, status="paid"):
    partner = make_partner()
    Claim.objects.create(
        person=partner,
        involvement="event",
        source=f"test:{partner.pk}",
        title="Advisory group",
        happened_on=on,
        pay_as=pay_as,
        status=status,
    )
    PaymentPreference.objects.create(user=partner, choice=now)
    return partner


def split(filters):
    rows = figures.report(filters)["paid_or_volunteering"]["rows"]
    return {row["label"]: row["shown"].text for row in rows}


@pytest.fixture
def partners(db):
    fee, nothing = PaymentChoice.FEE_AND_EXPENSES, PaymentChoice.NO_PAYMENT
    # Five were paid in April and have since chosen to volunteer; six volunteered in April.
    for _ in range(5):
        partner_who(fee, now=nothing)
    for _ in range(6):
        partner_who(nothing, now=nothing)
    # Not in April: a claim in March, and a claim withdrawn.
    partner_who(fee, on=datetime.date(2026, 3, 20), now=fee)
    partner_who(fee, now=fee, status=ClaimStatus.WITHDRAWN)


def test_with_dates_partners_count_as_they_chose_for_that_work(partners):
    assert split(APRIL) == {"Paid (a fee or vouchers)": "5", "Volunteering": "6"}


def test_without_dates_it_is_each_partners_choice_today(partners):
    assert split(Filters()) == {
        "Paid (a fee or vouchers)": "fewer than 5",
        "Volunteering": "11",
    }


def test_the_report_says_which_it_shows(client, staff, partners):
    client.force_login(staff)
    url = "/admin/impact/"
    assert "how they choose to be paid today" in client.get(url).content.decode()
    dated = client.get(url, {"start": "2026-04-01", "end": "2026-04-30"})
    assert "who took part in these dates" in dated.content.decode()
