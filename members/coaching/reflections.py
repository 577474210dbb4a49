"""The short reflection each side writes once a pairing has finished."""

from django.db import transaction

from members.accounts.services import clean_plain_text
from members.coaching.lifecycle import PairingError, S, lock, record_event
from members.coaching.models import Reflection
from website import reflections


@transaction.atomic
def submit_reflection(pairing, *, by, role, data):
    pairing = lock(pairing)
    if pairing.status not in (S.COMPLETED, S.ENDED_EARLY):
        raise PairingError("Reflections open when the pairing has finished.")
    reflection = reflections.save_once(
        Reflection,
        data,
        clean=clean_plain_text,
        pairing=pairing,
        author=by,
        role=role,
    )
    if reflection is None:
        raise PairingError(reflections.ALREADY_SENT)
    record_event(pairing, by, "Reflection sent")
    return reflection


def for_viewer(pairing, role):
    """(mine, theirs) on a finished pairing: this side's reflection, and the other side's
    only if its author chose to share it with them (what they wrote to staff alone stays there)."""
    sent = {reflection.role: reflection for reflection in pairing.reflections.all()}
    other = (
        Reflection.Role.LEADER
        if role == Reflection.Role.PARTNER
        else Reflection.Role.PARTNER
    )
    theirs = sent.get(other)
    return sent.get(role), theirs if theirs and theirs.shared_with_other_side else None
