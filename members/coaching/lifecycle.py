"""A pairing's states and moves: one workflow (website/workflow.py) that every move goes
through, locked and re-checked, with its history line.

Both the services (which make moves) and the permissions (which ask whether a move is open
now) read the table here, so neither imports the other.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from members.accounts.services import clean_plain_text
from members.coaching.models import Pairing, PairingPartner
from members.coaching.participants import (
    can_manage_pairings,
    is_participant,
    partner_row,
)
from website import activity, notify
from website.workflow import Transition as WorkflowTransition
from website.workflow import Workflow

S = Pairing.Status
P = PairingPartner.Status


class PairingError(ValueError):
    """A step that is not allowed now; the message is shown to the person who tried."""


REFUSED = {
    S.COMPLETED: "This pairing has already been completed.",
    S.ENDED_EARLY: "This pairing has already ended.",
}
MOVED_ON = "This pairing has moved on since you opened the page. Nothing was changed."


def _staff(user, pairing):
    return can_manage_pairings(user)


def _invited_partner(user, pairing):
    row = partner_row(user, pairing)
    return row is not None and row.status == P.INVITED


def _staff_or_participant(user, pairing):
    return can_manage_pairings(user) or is_participant(user, pairing)


def _refused(pairing, target):
    return REFUSED.get(pairing.status) or MOVED_ON


def _stamp_role(pairing, transition, by, note):
    """The core's history line has no role yet; record which side moved it."""
    line = activity.for_record(pairing).order_by("-pk").first()
    if line is not None:
        line.actor_role = actor_role(by, pairing)
        line.save(update_fields=["actor_role"])


# The whole lifecycle. Services make these moves after their own checks (an invitation
# still open, contact details still held); `who` is what the portal and admin offer.
PAIRING_FLOW = Workflow(
    Pairing,
    transitions=[
        WorkflowTransition(S.PROPOSED, S.PARTNER_INVITED, who=_staff, name="invite"),
        WorkflowTransition(
            S.PARTNER_INVITED, S.PARTNER_ACCEPTED, who=_invited_partner, name="accept"
        ),
        WorkflowTransition(
            S.PARTNER_INVITED, S.PARTNER_DECLINED, who=_invited_partner, name="decline"
        ),
        WorkflowTransition(
            S.PARTNER_DECLINED, S.PROPOSED, who=_staff, name="propose_another"
        ),
        WorkflowTransition(
            S.PARTNER_ACCEPTED, S.INTRODUCED, who=_staff, name="introduce"
        ),
        WorkflowTransition(
            S.INTRODUCED,
            S.ACTIVE,
            who=_staff_or_participant,
            label="Mark as active",
            name="activate",
        ),
        WorkflowTransition(
            S.ACTIVE, S.PAUSED, who=_staff_or_participant, label="Pause", name="pause"
        ),
        WorkflowTransition(
            S.PAUSED, S.ACTIVE, who=_staff_or_participant, label="Resume", name="resume"
        ),
        WorkflowTransition(
            [S.ACTIVE, S.PAUSED],
            S.COMPLETED,
            who=_staff_or_participant,
            label="Mark as completed",
            name="complete",
        ),
        WorkflowTransition(
            [
                S.PROPOSED,
                S.PARTNER_INVITED,
                S.PARTNER_ACCEPTED,
                S.PARTNER_DECLINED,
                S.INTRODUCED,
                S.ACTIVE,
                S.PAUSED,
            ],
            S.ENDED_EARLY,
            who=_staff_or_participant,
            label="End early",
            note_required="Give a reason for ending the pairing early.",
            name="end_early",
        ),
    ],
    visibility=activity.STAFF,
    after=[_stamp_role],
    error=PairingError,
    refused=_refused,
)


@dataclass(frozen=True)
class Transition:
    """How the portal and admin name a status move either side (or staff) may make."""

    label: str
    sources: tuple
    target: str
    participants: bool = True
    note_required: bool = False


STATUS_MOVES = ("activate", "pause", "resume", "complete", "end_early")
TRANSITIONS = {
    name: Transition(
        rule.label,
        tuple(rule.source) if isinstance(rule.source, list) else (rule.source,),
        rule.target,
        note_required=bool(rule.note_required),
    )
    for name in STATUS_MOVES
    if (rule := PAIRING_FLOW.named(name))
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
    """Make a workflow move (locked, state re-checked, history written); refuse if someone
    else moved the pairing first. `expected` is what the caller checked; the workflow's own
    table decides."""
    if pairing.status not in expected:
        raise PairingError(REFUSED.get(pairing.status) or MOVED_ON)
    return PAIRING_FLOW.move(
        pairing,
        target,
        by=by,
        note=clean_plain_text(note)[:2000],
        check=False,
        status_changed_at=timezone.now(),
        **fields,
    )


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


def portal_url(pairing):
    return notify.absolute_url(reverse("members:pairing_detail", args=[pairing.pk]))
