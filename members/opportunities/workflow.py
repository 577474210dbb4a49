"""An expression of interest's states and who may move it (website/workflow.py).

A member moves their own interest: withdraw it before a decision, or answer an offer. Programme
staff move it through review: shortlist, offer, not this time, and back from the waiting list.
The two tables never share a move, so each transition's `who` is the member or staff. Every
move is a history line the member sees too (their interest page shows its history).
"""

from members.opportunities import notifications
from members.opportunities import permissions as perms
from members.opportunities.choices import InterestStatus
from members.opportunities.models import ExpressionOfInterest
from website import activity
from website.workflow import Transition, Workflow

S = InterestStatus


class InvalidTransition(Exception):
    """The requested status change is not allowed from the interest's current status."""


def member_may(user, interest):
    """The member whose interest it is."""
    return perms.can_view_interest(user, interest)


def staff_may(user, interest):
    return perms.can_review_interests(user)


MEMBER_MOVES = [
    Transition(
        [S.SUBMITTED, S.SHORTLISTED, S.WAITING_LIST],
        S.WITHDRAWN,
        who=member_may,
        name="withdraw",
    ),
    Transition(S.OFFERED, S.ACCEPTED, who=member_may, name="accept"),
    Transition(S.OFFERED, S.DECLINED, who=member_may, name="decline"),
]

# Each review step emails the member (the member's own moves do not).
_TELL = (notifications.status_changed,)

STAFF_MOVES = [
    Transition(S.WAITING_LIST, S.SUBMITTED, who=staff_may, after=_TELL),
    Transition(
        [S.SUBMITTED, S.WAITING_LIST], S.SHORTLISTED, who=staff_may, after=_TELL
    ),
    Transition(S.SHORTLISTED, S.OFFERED, who=staff_may, after=_TELL),
    Transition(
        [S.SUBMITTED, S.WAITING_LIST, S.SHORTLISTED, S.OFFERED],
        S.NOT_SELECTED,
        who=staff_may,
        after=_TELL,
    ),
]

INTEREST_FLOW = Workflow(
    ExpressionOfInterest,
    transitions=[*MEMBER_MOVES, *STAFF_MOVES],
    visibility=activity.PARTICIPANTS,
    error=InvalidTransition,
)


def _allowed(moves, user, interest, target):
    transition = INTEREST_FLOW.find(interest.status, target)
    return transition in moves and bool(transition.who(user, interest))


def member_can_move(user, interest, new_status):
    return _allowed(MEMBER_MOVES, user, interest, new_status)


def can_withdraw_interest(user, interest):
    return member_can_move(user, interest, S.WITHDRAWN)


def can_change_interest_status(user, interest, new_status):
    return _allowed(STAFF_MOVES, user, interest, new_status)


def staff_targets(interest):
    """The review steps open from where the interest is now, in the statuses' order."""
    allowed = {t.target for t in STAFF_MOVES if t.starts_from(interest.status)}
    return [value for value in S.values if value in allowed]
