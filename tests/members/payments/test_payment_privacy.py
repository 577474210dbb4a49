"""Payments and privacy: the person's data download holds their preference and every line;
erasure deletes the preference and benefits answers and withdraws unsent claims but keeps
the financial record; the record is anonymised after its keeping years."""

import datetime
from decimal import Decimal

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from members.payments import exports, ledger, preferences, retention
from members.payments.models import Claim, ClaimLine, ClaimStatus, PaymentPreference
from tests.factories.payments import make_claim, make_finance, make_rate, travel

S = ClaimStatus


def test_the_data_download_has_the_preference_and_each_line(member, db):
    make_rate()
    preferences.save(member, by=member, on_benefits=True, weekly_limit=Decimal("90.00"))
    claim = make_claim(member)
    ledger.add_expense(
        claim, by=member, category=travel(), amount="4", description="Bus"
    )
    section = exports.export_payments(member)
    assert section.key == "involvement_payments"
    assert section.records[0]["payment_preference"]["weekly_limit"] == Decimal("90.00")
    assert [(r["kind"], r["amount"], r["details"]) for r in section.records[1:]] == [
        ("fee", Decimal("50.00"), "2 hours at £25.00 an hour"),
        ("expense", Decimal("4.00"), "Bus"),
    ]


def test_erasure_keeps_the_money_and_removes_the_person(member, staff, db):
    make_rate()
    preferences.save(member, by=member, on_benefits=True, year_limit=Decimal("900"))
    sent = make_claim(member)
    ledger.add_expense(
        sent, by=member, category=travel(), amount="4", description="Bus"
    )
    ledger.submit(sent, by=member)
    ledger.approve(sent, by=staff)
    unsent = make_claim(member)
    exports.erase_payments(member)
    assert not PaymentPreference.objects.filter(user=member).exists()
    assert Claim.objects.get(pk=unsent.pk).status == S.WITHDRAWN
    assert Claim.objects.get(pk=sent.pk).status == S.APPROVED
    assert set(ClaimLine.objects.values_list("description", flat=True)) == {""}
    assert ClaimLine.objects.filter(claim=sent).count() == 2


def test_claims_are_anonymised_after_their_keeping_years(member, staff, db):
    make_rate()
    finance = make_finance()
    with time_machine.travel(datetime.datetime(2019, 6, 1, 12, tzinfo=datetime.UTC)):
        old = make_claim(member, happened_on=datetime.date(2019, 5, 20))
        ledger.add_expense(
            old,
            by=member,
            category=travel(),
            amount="4",
            description="Bus",
            receipt=SimpleUploadedFile("t.pdf", b"%PDF-1.4 ticket"),
        )
        ledger.submit(old, by=member)
        ledger.approve(old, by=staff)
        ledger.pay(old, by=finance, reference="BACS 1")
    recent = make_claim(member)
    with time_machine.travel(datetime.datetime(2026, 12, 1, 12, tzinfo=datetime.UTC)):
        assert retention.anonymise_old_claims(datetime.datetime.now(datetime.UTC)) == 1
    old.refresh_from_db()
    assert (old.person, old.payment_reference, old.title) == (
        None,
        "",
        "Anonymised claim",
    )
    assert old.status == S.PAID  # the money stays in the programme's totals
    assert ClaimLine.objects.get(claim=old, kind="expense").receipt.name == ""
    assert Claim.objects.get(pk=recent.pk).person == member
