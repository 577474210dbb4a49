"""Sessions (that people met, never what was said) and the partner's payment and expense
claims for them: submitted, then approved or not, then paid."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from members.accounts.services import clean_plain_text
from members.coaching import notifications
from members.coaching.lifecycle import (
    PairingError,
    S,
    lock,
    move,
    portal_url,
    record_event,
)
from members.coaching.models import ExpenseClaim, PairingSession
from website import notify


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


CLAIM_STEPS = {
    "approve": (ExpenseClaim.Status.SUBMITTED, ExpenseClaim.Status.APPROVED),
    "reject": (ExpenseClaim.Status.SUBMITTED, ExpenseClaim.Status.REJECTED),
    "pay": (ExpenseClaim.Status.APPROVED, ExpenseClaim.Status.PAID),
}


@transaction.atomic
def decide_claim(claim, step, *, by):
    """Staff move a claim submitted → approved (or not approved) → paid."""
    if step not in CLAIM_STEPS:
        raise PairingError("Unknown step.")
    source, target = CLAIM_STEPS[step]
    now = timezone.now()
    fields = {"status": target}
    if step == "pay":
        fields["paid_at"] = now
    else:
        fields.update(decided_at=now, decided_by=by)
    updated = ExpenseClaim.objects.filter(pk=claim.pk, status=source).update(**fields)
    if updated != 1:
        raise PairingError(
            f"This claim is {claim.get_status_display().lower()}; nothing was changed."
        )
    claim.refresh_from_db()
    notify.notify(
        notifications.CLAIM_UPDATE,
        claim.partner,
        {"claim": claim, "url": portal_url(claim.pairing)},
        about=claim.pairing,
    )
    return claim
