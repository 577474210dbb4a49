"""The ledger: claims arise from involvement, people add expenses and send them, staff
approve (never their own, never what they logged), finance pay; every refusal changes
nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from members.payments import ledger, preferences, totals
from members.payments.models import Claim, ClaimLine, ClaimStatus, PaymentChoice
from tests.factories.payments import make_claim, make_finance, make_rate, travel
from tests.factories.users import UserFactory

S = ClaimStatus


@pytest.fixture
def rate(db):
    return make_rate(fee="25.00", unit="hour")


@pytest.fixture
def finance(db):
    return make_finance()


@pytest.fixture
def second_staff(db):
    return UserFactory(email="second.staff@example.org", groups=["Programme staff"])


def test_a_claim_arises_with_the_fee_at_the_rate_of_the_day(member, rate):
    make_rate(fee="30.00", unit="hour", valid_from=datetime.date(2027, 1, 1))
    claim = make_claim(member, hours=2)
    assert claim.status == S.DRAFT
    assert [(line.kind, line.amount) for line in claim.lines.all()] == [
        ("fee", Decimal("50.00"))
    ]
    later = make_claim(member, hours=2, happened_on=datetime.date(2027, 2, 1))
    assert later.lines.get().amount == Decimal("60.00")
    # Changing a rate afterwards never rewrites a claim already made.
    rate.fee = Decimal("99.00")
    rate.save()
    claim.refresh_from_db()
    assert claim.lines.get().amount == Decimal("50.00")


def test_the_same_source_never_opens_two_claims(member, rate):
    first = make_claim(member, source="event-booking:7")
    again = make_claim(member, source="event-booking:7")
    assert first.pk == again.pk
    assert Claim.objects.filter(person=member).count() == 1


def test_the_person_is_told_there_is_a_claim_without_any_amount(
    member, rate, mailoutbox
):
    claim = make_claim(member)
    call_command("run_outbox_worker", once=True)
    (sent,) = [m for m in mailoutbox if m.to == [member.email]]
    assert sent.subject == "You have a claim to review"
    assert f"/portal/payments/{claim.pk}/" in sent.body
    assert "£" not in sent.body and "50.00" not in sent.body


def test_no_payment_means_no_claim_and_expenses_only_means_no_fee(member, rate):
    preferences.save(member, by=member, choice=PaymentChoice.NO_PAYMENT)
    assert make_claim(member) is None
    assert not Claim.objects.filter(person=member).exists()
    preferences.save(member, by=member, choice=PaymentChoice.EXPENSES_ONLY)
    claim = make_claim(member)
    assert not claim.lines.exists()


@pytest.mark.parametrize(
    "typed, message",
    [
        ("-5", "more than £0.00"),
        ("0", "more than £0.00"),
        ("12.345", "nearest penny"),
        ("1e9", "at most £10,000.00"),
        ("twelve", "pounds and pence"),
        ("NaN", "pounds and pence"),
        ("", "pounds and pence"),
    ],
)
def test_bad_amounts_are_refused_with_a_clear_message(member, rate, typed, message):
    claim = make_claim(member)
    with pytest.raises(ledger.PaymentError, match=message):
        ledger.add_expense(claim, by=member, category=travel(), amount=typed)
    assert claim.lines.count() == 1


def test_an_expense_over_its_category_cap_is_refused(member, rate):
    claim = make_claim(member)
    cap = travel().cap
    ledger.add_expense(claim, by=member, category=travel(), amount=str(cap - 1))
    with pytest.raises(ledger.PaymentError, match="at most"):
        ledger.add_expense(claim, by=member, category=travel(), amount="1.01")
    assert claim.lines.filter(kind="expense").count() == 1


def test_only_the_claimant_changes_a_claim_and_never_after_sending(
    member, member_other, rate
):
    claim = make_claim(member)
    with pytest.raises(ledger.PaymentError, match="Only the person"):
        ledger.add_expense(claim, by=member_other, category=travel(), amount="3")
    ledger.submit(claim, by=member)
    with pytest.raises(ledger.PaymentError, match="can no longer be changed"):
        ledger.add_expense(claim, by=member, category=travel(), amount="3")
    with pytest.raises(ledger.PaymentError):
        ledger.submit(claim, by=member)
    assert ClaimLine.objects.filter(claim=claim).count() == 1


def test_nobody_approves_their_own_claim_or_one_they_logged(
    staff, second_staff, member, rate
):
    own = make_claim(staff)
    ledger.submit(own, by=staff)
    with pytest.raises(ledger.PaymentError, match="your own claim"):
        ledger.approve(own, by=staff)
    logged = make_claim(member, logged_by=staff)
    ledger.submit(logged, by=member)
    with pytest.raises(ledger.PaymentError, match="You recorded"):
        ledger.approve(logged, by=staff)
    ledger.approve(logged, by=second_staff)
    assert Claim.objects.get(pk=logged.pk).status == S.APPROVED
    assert Claim.objects.get(pk=own.pk).status == S.SUBMITTED


def test_finance_pay_once_with_a_reference_and_approvers_cannot_pay(
    staff, finance, member, rate
):
    claim = make_claim(member)
    ledger.submit(claim, by=member)
    with pytest.raises(ledger.PaymentError):
        ledger.pay(claim, by=finance, reference="BACS-1")  # not approved yet
    with pytest.raises(PermissionDenied):
        ledger.approve(claim, by=finance)  # finance approve nothing
    ledger.approve(claim, by=staff)
    with pytest.raises(PermissionDenied):
        ledger.pay(claim, by=staff, reference="BACS-1")
    with pytest.raises(ledger.PaymentError, match="payment reference"):
        ledger.pay(claim, by=finance, reference="  ")
    ledger.pay(claim, by=finance, reference="BACS-1")
    with pytest.raises(ledger.PaymentError, match="paid; nothing was changed"):
        ledger.pay(claim, by=finance, reference="BACS-2")
    with pytest.raises(ledger.PaymentError):
        ledger.approve(claim, by=staff)
    claim.refresh_from_db()
    assert (claim.status, claim.payment_reference) == (S.PAID, "BACS-1")


def test_a_returned_claim_says_why_and_can_be_put_right_and_sent_again(
    staff, member, rate
):
    claim = make_claim(member)
    ledger.submit(claim, by=member)
    with pytest.raises(ledger.PaymentError, match="Say why"):
        ledger.send_back(claim, by=staff, reason=" ")
    ledger.send_back(claim, by=staff, reason="Add the ticket")
    claim.refresh_from_db()
    assert (claim.status, claim.returned_reason) == (S.RETURNED, "Add the ticket")
    ledger.add_expense(claim, by=member, category=travel(), amount="4.20")
    ledger.submit(claim, by=member)
    claim.refresh_from_db()
    assert claim.status == S.SUBMITTED and claim.returned_reason == ""


def test_sending_with_nothing_on_the_claim_is_refused(member, db):
    claim = make_claim(member)  # no rate: no fee
    with pytest.raises(ledger.PaymentError, match="nothing on this claim"):
        ledger.submit(claim, by=member)
    assert Claim.objects.get(pk=claim.pk).status == S.DRAFT


def test_tax_year_runs_from_the_sixth_of_april():
    assert totals.tax_year(datetime.date(2027, 4, 5)) == (
        datetime.date(2026, 4, 6),
        datetime.date(2027, 4, 5),
    )
    assert totals.tax_year(datetime.date(2027, 4, 6))[0] == datetime.date(2027, 4, 6)
    assert totals.tax_year_label(datetime.date(2026, 12, 1)) == "2026–27"


def test_totals_count_sent_claims_by_tax_year_and_week(member, rate):
    sent = make_claim(member, happened_on=datetime.date(2026, 11, 4))  # Wednesday
    ledger.add_expense(sent, by=member, category=travel(), amount="6.50")
    ledger.submit(sent, by=member)
    make_claim(member, happened_on=datetime.date(2026, 11, 5))  # a draft: not counted
    earlier = make_claim(member, happened_on=datetime.date(2026, 4, 5))  # last year
    ledger.submit(earlier, by=member)
    found = totals.totals(member, datetime.date(2026, 11, 6))
    assert found.year_fees == Decimal("50.00")
    assert found.year_expenses == Decimal("6.50")
    assert found.week_fees == Decimal("50.00")
    assert totals.totals(member, datetime.date(2026, 11, 9)).week_fees == 0


def test_crossing_a_limit_warns_and_expenses_only_leaves_the_fee_out(member, rate):
    preferences.save(
        member,
        by=member,
        choice=PaymentChoice.FEE_AND_EXPENSES,
        on_benefits=True,
        weekly_limit=Decimal("80.00"),
        year_limit=None,
    )
    first = make_claim(member, happened_on=datetime.date(2026, 11, 2))
    ledger.submit(first, by=member)
    second = make_claim(member, happened_on=datetime.date(2026, 11, 3))
    warnings = totals.limit_warnings(second, preferences.preference_for(member))
    assert warnings == [
        "With this fee your fees for the week would be £100.00, over the £80.00 a "
        "week you set."
    ]
    ledger.add_expense(second, by=member, category=travel(), amount="5.00")
    ledger.submit(second, by=member, take_fee=False)
    second.refresh_from_db()
    assert [line.kind for line in second.lines.all()] == ["expense"]
    assert second.over_limit is False


def test_sending_over_a_limit_anyway_is_flagged_for_staff(member, rate):
    preferences.save(member, by=member, on_benefits=True, weekly_limit=Decimal("10.00"))
    claim = make_claim(member)
    ledger.submit(claim, by=member, take_fee=True)
    claim.refresh_from_db()
    assert claim.over_limit is True


def test_attendance_corrected_withdraws_a_claim_not_yet_approved(member, rate):
    claim = make_claim(member, source="event-booking:9")
    ledger.withdraw(member, "event-booking:9")
    assert Claim.objects.get(pk=claim.pk).status == S.WITHDRAWN
    again = make_claim(member, source="event-booking:9")
    assert again.pk == claim.pk
    assert Claim.objects.get(pk=claim.pk).status == S.DRAFT


def test_every_move_is_in_the_history_the_person_reads(staff, member, rate):
    from members.payments import queries

    claim = make_claim(member)
    ledger.submit(claim, by=member)
    ledger.send_back(claim, by=staff, reason="Add the ticket")
    labels = [entry.label for entry in queries.history(claim)]
    assert labels[0] == "Claim opened"
    assert any("Returned to you" in label for label in labels)
