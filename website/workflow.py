"""Declared states and moves for a record, checked in one place.

A feature states its workflow once, beside its model's services::

    ENQUIRY_FLOW = Workflow(
        Enquiry,
        transitions=[
            Transition(NEW, IN_PROGRESS, who=can_triage),
            Transition([NEW, IN_PROGRESS, MATCHED, REFERRED], CLOSED, who=can_triage),
            Transition(CLOSED, IN_PROGRESS, label="Reopen", who=can_triage),
        ],
        timestamps={CLOSED: "closed_at"},   # set on entering CLOSED, cleared on leaving
        after=[tell_the_enquirer],          # (record, transition, by, note), same transaction
    )
    ENQUIRY_FLOW.move(enquiry, CLOSED, by=request.user, note="Referred to the ICB")

`move` locks the row, re-reads its state, refuses a move the table does not hold (an old
form, a double click, two people at once) with `TransitionNotAllowed`, refuses a person the
transition's `who` does not allow with `PermissionDenied`, saves the state and timestamps,
writes the activity line (from, to, who, note) and runs the `after` hooks, all in one
transaction, so notifications are queued only for a move that happened.
`targets(record, user)` lists the moves a person may make now (for buttons and forms).
"""

import dataclasses
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from website import activity


class TransitionNotAllowed(ValueError):
    """The record is not in a state this move starts from; the message is for people."""


def anyone(user, record):
    return True


@dataclass(frozen=True)
class Transition:
    source: object  # a state, a list of states, or "*" for any
    target: str
    who: object = anyone  # callable(user, record) -> bool
    label: str = ""
    after: tuple = ()
    visibility: str = ""  # overrides the workflow's visibility for this move
    note_required: str = ""  # the message when a move needs a reason and has none
    name: str = (
        ""  # a feature's own name for the move ("end_early"), for `move_by_name`
    )

    def starts_from(self, state):
        if self.source == "*":
            return True
        sources = (
            self.source
            if isinstance(self.source, list | tuple | set)
            else [self.source]
        )
        return state in sources


@dataclass
class Workflow:
    model: type
    transitions: list
    field: str = "status"
    timestamps: dict = dataclasses.field(
        default_factory=dict
    )  # state -> datetime field
    keep_timestamps: bool = False  # True: a timestamp stays after leaving its state
    visibility: str = activity.STAFF
    after: list = dataclasses.field(default_factory=list)
    verb: str = "status"
    # A feature's own exception for refused moves (raised with a message for people), and
    # `refused(record, target) -> str | None` for messages more specific than the default.
    error: type = None
    refused: object = None

    def __post_init__(self):
        activity.register_states(
            self.model, self.model._meta.get_field(self.field).choices or []
        )

    def state_label(self, state):
        return dict(self.model._meta.get_field(self.field).choices or []).get(
            state, state
        )

    def find(self, state, target):
        for transition in self.transitions:
            if transition.target == target and transition.starts_from(state):
                return transition
        return None

    def targets(self, record, user=None):
        """States this person may move the record to from where it is now."""
        state = getattr(record, self.field)
        seen = []
        for transition in self.transitions:
            if (
                transition.starts_from(state)
                and transition.target != state
                and transition.target not in seen
                and (user is None or transition.who(user, record))
            ):
                seen.append(transition.target)
        return seen

    def named(self, name):
        """The transition a feature calls by name ("end_early"), or None."""
        return next((t for t in self.transitions if t.name == name), None)

    def can(self, record, target, user):
        transition = self.find(getattr(record, self.field), target)
        return transition is not None and bool(transition.who(user, record))

    def move(self, record, target, *, by=None, note="", check=True, **changes):
        """Make the move or raise; returns the saved record (the caller's object updated).

        `changes` are other fields saved with the move (a decision note, who decided).
        `check=False` skips `who` for system moves (expiry, a worker), never the table.
        """
        with transaction.atomic():
            locked = self.model._default_manager.select_for_update().get(pk=record.pk)
            current = getattr(locked, self.field)
            transition = self.find(current, target)
            if transition is None:
                message = (self.refused and self.refused(locked, target)) or (
                    f"This can no longer be moved from “{self.state_label(current)}” "
                    f"to “{self.state_label(target)}”. Reload the page to see where it is now."
                )
                raise (self.error or TransitionNotAllowed)(message)
            if check and not transition.who(by, locked):
                raise PermissionDenied("You cannot make this change.")
            if transition.note_required and not (note or "").strip():
                raise (self.error or TransitionNotAllowed)(transition.note_required)
            values = {self.field: target, **changes}
            now = timezone.now()
            for state, stamp in self.timestamps.items():
                if state == target:
                    values[stamp] = now
                elif not self.keep_timestamps and current == state:
                    values[stamp] = None
            for name, value in values.items():
                setattr(locked, name, value)
            auto_now = [
                f.name
                for f in self.model._meta.concrete_fields
                if getattr(f, "auto_now", False)
            ]
            locked.save(update_fields=list(values) + auto_now)
            activity.record(
                locked,
                by=by,
                verb=self.verb,
                from_state=current,
                to_state=target,
                note=note,
                visibility=transition.visibility or self.visibility,
            )
            for hook in [*transition.after, *self.after]:
                hook(locked, transition, by, note)
        for name in [*values, *auto_now]:
            setattr(record, name, getattr(locked, name))
        return record
