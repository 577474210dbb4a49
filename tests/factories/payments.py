"""Payments for tests: a finance user, a rate, and a claim opened as attendance would."""

import datetime
import itertools
from decimal import Decimal

from members.payments import ledger
from members.payments.models import ExpenseCategory, Involvement, PaymentRate
from tests.factories.users import UserFactory

_sources = itertools.count(1)


def make_finance(email="finance@example.org"):
    return UserFactory(email=email, first_name="Fran", groups=["Finance staff"])


def make_rate(involvement=Involvement.EVENT, fee="25.00", unit="hour", **fields):
    return PaymentRate.objects.create(
        involvement=involvement,
        fee=Decimal(fee),
        unit=unit,
        valid_from=fields.pop("valid_from", datetime.date(2020, 4, 6)),
        **fields,
    )


def travel():
    return ExpenseCategory.objects.get(name="Travel")


def make_claim(person, *, happened_on=None, hours=2, logged_by=None, **fields):
    """A claim as a paid event's attendance opens it (rate for events, if any)."""
    return ledger.arise(
        person,
        involvement=fields.pop("involvement", Involvement.EVENT),
        source=fields.pop("source", f"test:{next(_sources)}"),
        title=fields.pop("title", "Advisory group"),
        happened_on=happened_on or datetime.date(2026, 11, 4),
        logged_by=logged_by,
        hours=hours,
    )
