"""The short reflection each side writes once a pairing has finished."""

from django.db import IntegrityError, transaction

from members.accounts.services import clean_plain_text
from members.coaching.lifecycle import PairingError, S, lock, record_event
from members.coaching.models import Reflection


@transaction.atomic
def submit_reflection(pairing, *, by, role, data):
    pairing = lock(pairing)
    if pairing.status not in (S.COMPLETED, S.ENDED_EARLY):
        raise PairingError("Reflections open when the pairing has finished.")
    cleaned = {
        key: clean_plain_text(value) if isinstance(value, str) else value
        for key, value in data.items()
    }
    try:
        with transaction.atomic():
            reflection = Reflection.objects.create(
                pairing=pairing, author=by, role=role, **cleaned
            )
    except IntegrityError as error:
        raise PairingError(
            "You have already sent your reflection. Thank you."
        ) from error
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
