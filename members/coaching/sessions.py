"""Sessions: that people met, never what was said. Each one recorded opens a claim in the
partner's payments ledger (members/payments), at the pairing's session payment; the
partner adds expenses and sends it there, and staff approve and finance pay it there."""

from django.db import transaction
from django.utils import timezone

from members.coaching import permissions as perms
from members.coaching.lifecycle import (
    PairingError,
    S,
    lock,
    move,
    record_event,
)
from members.coaching.models import PairingSession
from members.payments import sources


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
    partner = perms.accepted_partner(pairing)
    if partner is not None:
        sources.session_recorded(
            partner.partner,
            session_pk=session.pk,
            happened_on=date,
            minutes=duration_minutes,
            fee=pairing.session_payment,
            expenses_cap=pairing.expenses_limit,
            by=by,
        )
    return session
