"""A pairing's states and moves, and the one compare-and-swap step every move goes through.

Both the services (which make moves) and the permissions (which ask whether a move is open
now) read the table here, so neither imports the other.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from members.accounts.services import clean_plain_text, site_url
from members.coaching.models import Pairing, PairingEvent, PairingPartner

S = Pairing.Status
P = PairingPartner.Status


class PairingError(ValueError):
    """A step that is not allowed now; the message is shown to the person who tried."""


@dataclass(frozen=True)
class Transition:
    label: str
    sources: tuple
    target: str
    participants: bool = True
    note_required: bool = False


# Steps either side (or staff) may take from the portal or the admin.
TRANSITIONS = {
    "activate": Transition("Mark as active", (S.INTRODUCED,), S.ACTIVE),
    "pause": Transition("Pause", (S.ACTIVE,), S.PAUSED),
    "resume": Transition("Resume", (S.PAUSED,), S.ACTIVE),
    "complete": Transition("Mark as completed", (S.ACTIVE, S.PAUSED), S.COMPLETED),
    "end_early": Transition(
        "End early",
        (
            S.PROPOSED,
            S.PARTNER_INVITED,
            S.PARTNER_ACCEPTED,
            S.PARTNER_DECLINED,
            S.INTRODUCED,
            S.ACTIVE,
            S.PAUSED,
        ),
        S.ENDED_EARLY,
        note_required=True,
    ),
}

REFUSED = {
    S.COMPLETED: "This pairing has already been completed.",
    S.ENDED_EARLY: "This pairing has already ended.",
}


def actor_role(user, pairing):
    if user is None:
        return "system"
    if pairing.leader_id == user.pk:
        return "leader"
    if any(row.partner_id == user.pk for row in pairing.partners.all()):
        return "partner"
    return "staff"


def lock(pairing):
    return Pairing.objects.select_for_update().get(pk=pairing.pk)


def move(pairing, expected, target, *, by, action, note="", **fields):
    """Compare-and-swap the status; refuse if someone else moved it first."""
    now = timezone.now()
    fields = {"status": target, "status_changed_at": now, **fields}
    updated = Pairing.objects.filter(pk=pairing.pk, status__in=expected).update(
        **fields
    )
    if updated != 1:
        raise PairingError(
            REFUSED.get(pairing.status)
            or "This pairing has moved on since you opened the page. Nothing was changed."
        )
    from_status = pairing.status
    for name, value in fields.items():
        setattr(pairing, name, value)
    record_event(pairing, by, action, from_status, target, note)
    return pairing


def record_event(pairing, by, action, from_status="", to_status="", note=""):
    return PairingEvent.objects.create(
        pairing=pairing,
        actor=by,
        actor_role=actor_role(by, pairing),
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=clean_plain_text(note)[:2000],
    )


def portal_url(pairing):
    return site_url(reverse("members:pairing_detail", args=[pairing.pk]))
