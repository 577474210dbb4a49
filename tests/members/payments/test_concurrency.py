"""Two people moving one claim at the same moment: the claim's row lock lets one through
and refuses the other, so nothing is sent, approved or paid twice. PostgreSQL only:
SQLite's in-memory test database cannot be shared by threads."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from post_office.models import Email

from members.payments import ledger, queries
from members.payments.models import Claim, ClaimStatus
from tests.factories.payments import make_claim, make_finance, make_rate
from tests.factories.users import UserFactory
from website import notify

S = ClaimStatus
MOVED = "Your claim has moved on"
SENT = "A claim is waiting for approval"


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL for real concurrent transactions")


@pytest.fixture
def rate(db):
    return make_rate(fee="25.00", unit="hour")  # a fee line, so a claim can be sent


def race(claim, *attempts):
    """Each (person, action) in its own thread, on its own copy of the claim as their
    page loaded it, released together; returns what each returned or raised."""
    barrier = threading.Barrier(len(attempts), timeout=10)
    outcomes = [None] * len(attempts)

    def attempt(index, person, action):
        try:
            by = get_user_model().objects.get(pk=person.pk)
            mine = Claim.objects.get(pk=claim.pk)
            barrier.wait()
            outcomes[index] = action(mine, by)
        except Exception as exc:  # the refusal is what the tests look at
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [
        threading.Thread(target=attempt, args=(index, person, action))
        for index, (person, action) in enumerate(attempts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    return outcomes


def one_winner(outcomes, people):
    """The one person whose move went through, and the refusal the other was shown."""
    won = [p for p, o in zip(people, outcomes, strict=True) if isinstance(o, Claim)]
    refused = [o for o in outcomes if not isinstance(o, Claim)]
    assert len(won) == 1 and len(refused) == 1, outcomes
    return won[0], refused[0]


def moves_to(claim, state):
    """Who the history the person reads says moved the claim to `state`, oldest first."""
    return [entry.actor for entry in queries.history(claim) if entry.to_state == state]


def approve(claim, by):
    return ledger.approve(claim, by=by)


def submit(claim, by):
    return ledger.submit(claim, by=by)


def pay_with(reference):
    return lambda claim, by: ledger.pay(claim, by=by, reference=reference)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_approvers_at_once_approve_a_claim_once(staff, member, rate):
    """Two staff press 'Approve' on the same queue row together: the person must be told
    once and the history must name one approver, not two."""
    second = UserFactory(email="second.staff@example.org", groups=["Programme staff"])
    claim = make_claim(member)
    ledger.submit(claim, by=member)

    outcomes = race(claim, (staff, approve), (second, approve))

    winner, refused = one_winner(outcomes, [staff, second])
    assert type(refused) is ledger.PaymentError
    assert str(refused) == (
        "This claim is approved, waiting for payment; nothing was changed."
    )
    claim.refresh_from_db()
    assert (claim.status, claim.approved_by) == (S.APPROVED, winner)
    assert moves_to(claim, S.APPROVED) == [winner]
    told = notify.emails_about(claim).filter(subject=MOVED)
    assert [email.to for email in told] == [[member.email]]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_finance_users_at_once_pay_a_claim_once(staff, member, rate):
    """Two finance staff record the same payment with their own references: the claim
    must keep the reference of the payment that counted, so it is never paid twice."""
    first = make_finance()
    other = make_finance("finance.two@example.org")
    claim = make_claim(member)
    ledger.submit(claim, by=member)
    ledger.approve(claim, by=staff)

    outcomes = race(
        claim, (first, pay_with("BACS-FIRST")), (other, pay_with("BACS-OTHER"))
    )

    winner, refused = one_winner(outcomes, [first, other])
    assert type(refused) is ledger.PaymentError
    assert str(refused) == "This claim is paid; nothing was changed."
    reference = "BACS-FIRST" if winner == first else "BACS-OTHER"
    claim.refresh_from_db()
    assert (claim.status, claim.payment_reference) == (S.PAID, reference)
    assert moves_to(claim, S.PAID) == [winner]
    told = notify.emails_about(claim).filter(subject=MOVED)
    assert told.count() == 2  # approved once, paid once


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sending_one_claim_from_two_tabs_at_once_sends_it_once(staff, member, rate):
    """A person presses 'Send' in two tabs together: approvers must see one claim
    waiting and get one email, and the second tab says it was already sent."""
    claim = make_claim(member)

    outcomes = race(claim, (member, submit), (member, submit))

    assert sum(isinstance(outcome, Claim) for outcome in outcomes) == 1, outcomes
    (refused,) = [outcome for outcome in outcomes if not isinstance(outcome, Claim)]
    assert type(refused) is ledger.PaymentError
    assert str(refused) == (
        "This claim is sent, waiting for approval, so it can no longer be changed."
    )
    claim.refresh_from_db()
    assert claim.status == S.SUBMITTED
    assert claim.lines.count() == 1
    assert moves_to(claim, S.SUBMITTED) == [member]
    staff_told = Email.objects.filter(subject=SENT)
    assert [email.to for email in staff_told] == [[staff.email]]
