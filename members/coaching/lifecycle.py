"""A pairing's states and moves, and the one compare-and-swap step every move goes through.

Both the services (which make moves) and the permissions (which ask whether a move is open
now) read the table here, so neither imports the other.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from members.accounts.services import clean_plain_text
from members.coaching.models import Pairing, PairingPartner
from website import activity, notify

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
    """One staff-only line of the pairing's history (website.Activity); `action` is the
    label people read, stored as its verb code."""
    return activity.record(
        pairing,
        by=by,
        verb=verb_for(action),
        from_state=from_status,
        to_state=to_status,
        note=clean_plain_text(note)[:2000],
        visibility=activity.STAFF,
        actor_role=actor_role(by, pairing),
    )


def verb_for(action):
    """ "Partner invited" -> "partner_invited" (the migration of old rows does the same)."""
    return action.strip().lower().replace(" ", "_")[:40]


# Every action the lifecycle writes, so history lines read as people wrote them.
HISTORY_ACTIONS = [
    "Partner proposed",
    "Another partner proposed",
    "Partner invited",
    "Partner accepted",
    "Partner declined",
    "Introduced",
    "First session recorded",
    "Session recorded",
    "Claim submitted",
    "Reflection sent",
    "Demo pairing created",
    *(rule.label for rule in TRANSITIONS.values()),
]
activity.register_verbs({verb_for(label): label for label in HISTORY_ACTIONS})
activity.register_states(Pairing, Pairing.Status.choices)


def portal_url(pairing):
    return notify.absolute_url(reverse("members:pairing_detail", args=[pairing.pk]))
