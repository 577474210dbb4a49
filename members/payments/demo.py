"""Payments' demo: rates, the finance account, three people's preferences, and claims at
each step, made through the ledger as people would make them.

`load` (rates, the finance account) runs before coaching's demo, whose sessions open
claims; `choose_preferences` runs after it, once the partner exists, and before the events
demo (claims arise when it records who came to its paid events, with the preferences
chosen); `move_claims` runs after that and takes the claims on: the member's is approved
and paid (as vouchers), the co-chair's is returned with a reason, and the partner's waits
to be sent, with a fee that would cross the weekly limit they set.
"""

from datetime import date
from decimal import Decimal

from members.accounts.demo import ensure_account
from members.models import User
from members.payments import ledger, preferences
from members.payments.models import (
    Claim,
    ClaimStatus,
    ExpenseCategory,
    Involvement,
    PaidEvent,
    PaymentChoice,
    PaymentRate,
)
from website import roles

FINANCE_EMAIL = "finance@example.org"
RATES = [
    # involvement, unit, fee, preparation hours, cost code, strand
    (Involvement.COACHING_SESSION, "session", "75.00", "0", "CP-410", "Coaching"),
    (Involvement.NETWORK_MEETING, "hour", "25.00", "0.5", "CP-420", "Networks"),
    (Involvement.EVENT, "hour", "25.00", "0", "CP-430", "Events"),
    (Involvement.OPPORTUNITY, "hour", "25.00", "0", "CP-440", "Involvement"),
    (Involvement.LEARNING_SET, "session", "75.00", "0", "CP-450", "Coaching"),
]
PREFERENCES = {
    "partner@example.org": {
        "choice": PaymentChoice.FEE_AND_EXPENSES,
        "on_benefits": True,
        "weekly_limit": Decimal("100.00"),
        "year_limit": Decimal("1500.00"),
    },
    "member@example.org": {"choice": PaymentChoice.VOUCHERS},
    "cochair@example.org": {"choice": PaymentChoice.FEE_AND_EXPENSES},
}


def load():
    ensure_account(FINANCE_EMAIL, "Fran", "Finance", [roles.FINANCE])
    for involvement, unit, fee, preparation, code, strand in RATES:
        PaymentRate.objects.get_or_create(
            involvement=involvement,
            valid_from=date(2026, 4, 6),
            defaults={
                "unit": unit,
                "fee": Decimal(fee),
                "preparation_hours": Decimal(preparation),
                "cost_code": code,
                "strand": strand,
            },
        )


def choose_preferences():
    """The demo people's choices: after coaching's demo, which makes the partner."""
    for email, values in PREFERENCES.items():
        user = User.objects.filter(email=email).first()
        if user and not hasattr(user, "payment_preference"):
            preferences.save(user, by=user, read_information=True, **values)


def pay_attendees(event, involvement=Involvement.EVENT):
    """Mark a demo event as one that pays the people who come."""
    PaidEvent.objects.get_or_create(event=event, defaults={"involvement": involvement})


def move_claims():
    staff = User.objects.get(email="staff@example.org")
    finance = User.objects.get(email=FINANCE_EMAIL)
    fresh = Claim.objects.filter(status=ClaimStatus.DRAFT, submitted_at__isnull=True)
    member_claim = fresh.filter(person__email="member@example.org").first()
    if member_claim:
        ledger.submit(member_claim, by=member_claim.person)
        ledger.approve(member_claim, by=staff)
        ledger.pay(member_claim, by=finance, reference="VOUCHER-0192")
    cochair_claim = fresh.filter(person__email="cochair@example.org").first()
    if cochair_claim:
        travel = ExpenseCategory.objects.filter(name="Travel").first()
        ledger.add_expense(
            cochair_claim,
            by=cochair_claim.person,
            category=travel,
            amount="8.40",
            description="Return bus fare",
        )
        ledger.submit(cochair_claim, by=cochair_claim.person)
        ledger.send_back(
            cochair_claim,
            by=staff,
            reason="Please add a photo of the bus ticket, then send it again.",
        )
