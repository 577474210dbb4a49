"""Sessions (that people met, never what was said) and the partner's payment and expense
claims for them: submitted, then approved or not, then paid."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from members.accounts.services import clean_plain_text
from members.coaching import notifications
from members.coaching import permissions as perms
from members.coaching.lifecycle import (
    PairingError,
    S,
    lock,
    move,
    portal_url,
    record_event,
)
from members.coaching.models import ExpenseClaim, PairingSession
from website import activity, notify
from website.workflow import Transition, Workflow


@transaction.atomic
def record_session(pairing, *, by, date, duration_minutes, mode):
    """Log that a session happened; the first one makes an introduced pairing active."""
    pairing = lock(pairing)
    if pairing.status not in (S.INTRODUCED, S.ACTIVE):
        raise PairingError(
            "Sessions can be recorded only while the pairing is running."
        )
    if date > timezone.localdate():
        raise PairingError("Record a session after it has happened.")
    session = PairingSession.objects.create(
        pairing=pairing,
        date=date,
        duration_minutes=duration_minutes,
        mode=mode,
        recorded_by=by,
    )
    if pairing.status == S.INTRODUCED:
        move(
            pairing,
            [S.INTRODUCED],
            S.ACTIVE,
            by=by,
            action="First session recorded",
        )
    else:
        record_event(pairing, by, "Session recorded", note=f"{date:%d %b %Y}")
    return session


# Money ----------------------------------------------------------------------------------


@transaction.atomic
def submit_claim(pairing, *, partner, session, claim_payment, expenses, description=""):
    """A partner's claim for one session: the staff-set payment and/or capped expenses."""
    pairing = lock(pairing)
    if session.pairing_id != pairing.pk:
        raise PairingError("Choose one of this pairing's sessions.")
    expenses = Decimal(expenses or 0).quantize(Decimal("0.01"))
    if expenses < 0:
        raise PairingError("Expenses cannot be less than £0.00.")
    if expenses > pairing.expenses_limit:
        raise PairingError(
            f"Expenses for one session can be at most £{pairing.expenses_limit}."
        )
    payment = pairing.session_payment if claim_payment else Decimal("0")
    if payment + expenses <= 0:
        raise PairingError("Claim the session payment, some expenses, or both.")
    try:
        with transaction.atomic():
            claim = ExpenseClaim.objects.create(
                pairing=pairing,
                session=session,
                partner=partner,
                payment=payment,
                expenses=expenses,
                expenses_description=clean_plain_text(description)[:500],
            )
    except IntegrityError as error:
        raise PairingError("You have already claimed for this session.") from error
    record_event(pairing, partner, "Claim submitted", note=f"£{claim.total}")
    return claim


C = ExpenseClaim.Status


def _may_decide(user, claim):
    return perms.can_decide_claims(user)


def _tell_the_partner(claim, transition, by, note):
    notify.notify(
        notifications.CLAIM_UPDATE,
        claim.partner,
        {"claim": claim, "url": portal_url(claim.pairing)},
        about=claim.pairing,
    )


# submitted -> approved or not approved; approved -> paid. Only staff who decide claims.
CLAIM_FLOW = Workflow(
    ExpenseClaim,
    transitions=[
        Transition(C.SUBMITTED, C.APPROVED, who=_may_decide, name="approve"),
        Transition(C.SUBMITTED, C.REJECTED, who=_may_decide, name="reject"),
        Transition(C.APPROVED, C.PAID, who=_may_decide, name="pay"),
    ],
    visibility=activity.STAFF,
    after=[_tell_the_partner],
    error=PairingError,
    refused=lambda claim, target: (
        f"This claim is {claim.get_status_display().lower()}; nothing was changed."
    ),
)


def decide_claim(claim, step, *, by):
    """Staff move a claim submitted -> approved (or not approved) -> paid; the partner is
    told in the same transaction."""
    transition = CLAIM_FLOW.named(step)
    if transition is None:
        raise PairingError("Unknown step.")
    now = timezone.now()
    changes = (
        {"paid_at": now} if step == "pay" else {"decided_at": now, "decided_by": by}
    )
    return CLAIM_FLOW.move(claim, transition.target, by=by, **changes)
