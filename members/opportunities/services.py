"""Expressions of interest: submit, staff review moves, withdraw, answer an offer, bulk moves.

Views, the admin and the dashboard panels call these functions, so closing dates, places and
the one-interest rule hold everywhere. Every status move goes through the interest's workflow
(workflow.py), which writes the history line the member and staff read.
"""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from members.opportunities import notifications
from members.opportunities.choices import InterestStatus
from members.opportunities.listing import is_full
from members.opportunities.models import ExpressionOfInterest
from members.opportunities.pages import OpportunityPage
from members.opportunities.workflow import (
    INTEREST_FLOW,
    STAFF_MOVES,
    InvalidTransition,
    member_can_move,
)
from website import activity

__all__ = [
    "ACTIVE_STATUSES",
    "InvalidTransition",
    "OpportunityUnavailable",
    "availability_of",
    "bulk_change_status",
    "change_status",
    "member_interests",
    "respond_to_offer",
    "submit_interest",
    "withdraw_interest",
]

# Statuses that still hold or seek a place (used to refuse a second, different interest).
ACTIVE_STATUSES = {
    InterestStatus.SUBMITTED,
    InterestStatus.SHORTLISTED,
    InterestStatus.OFFERED,
    InterestStatus.ACCEPTED,
    InterestStatus.WAITING_LIST,
}


STAFF_TARGETS = {transition.target for transition in STAFF_MOVES}


class OpportunityUnavailable(Exception):
    """The opportunity cannot take a normal expression of interest (closed or full)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def availability_of(opportunity):
    """None when open for interest, else "closed" or "full"."""
    if opportunity.is_closed:
        return "closed"
    if is_full(opportunity):
        return "full"
    return None


def submit_interest(member, opportunity, data, waiting_list=False):
    """Save a member's interest once; a second submission returns the existing one.

    Returns (interest, created). Raises OpportunityUnavailable when the opportunity is closed
    or full and the member did not ask to join the waiting list.
    """
    reason = availability_of(opportunity)
    if reason and not waiting_list:
        raise OpportunityUnavailable(reason)
    status = InterestStatus.WAITING_LIST if reason else InterestStatus.SUBMITTED
    existing = ExpressionOfInterest.objects.filter(
        opportunity=opportunity, member=member
    ).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            interest = ExpressionOfInterest.objects.create(
                opportunity=opportunity,
                member=member,
                status=status,
                why_interested=data["why_interested"],
                experience=data.get("experience", ""),
                availability=data["availability"],
                access_needs=data.get("access_needs", "")
                if data.get("share_access_needs")
                else "",
            )
            activity.record(
                interest,
                by=member,
                verb=INTEREST_FLOW.verb,
                to_state=status,
                visibility=activity.PARTICIPANTS,
            )
            notifications.tell_member(interest, notifications.INTEREST_RECEIVED)
    except IntegrityError:
        # Two tabs or a double click: the other request won; keep its row.
        return ExpressionOfInterest.objects.get(
            opportunity=opportunity, member=member
        ), False
    return interest, True


def _move(interest, new_status, by, refusal):
    """One workflow move; a refused move (wrong state or wrong person) says `refusal`."""
    try:
        return INTEREST_FLOW.move(interest, new_status, by=by)
    except (InvalidTransition, PermissionDenied):
        raise InvalidTransition(refusal) from None


def change_status(interest, new_status, by):
    """A staff review step; the workflow emails the member in the same transaction."""
    refusal = (
        f"An interest that is “{interest.get_status_display()}” cannot be moved to "
        f"“{InterestStatus(new_status).label}”."
    )
    # Only review steps: a member's own moves (withdraw, answer an offer) are not staff's
    # to make, even for a reviewer who is also the member.
    if new_status not in STAFF_TARGETS:
        raise InvalidTransition(refusal)
    return _move(interest, new_status, by, refusal)


def withdraw_interest(interest, by):
    return _move(
        interest,
        InterestStatus.WITHDRAWN,
        by,
        "This interest can no longer be withdrawn.",
    )


@transaction.atomic
def respond_to_offer(interest, accept, by):
    new_status = InterestStatus.ACCEPTED if accept else InterestStatus.DECLINED
    refusal = "There is no offer to answer on this interest."
    if accept:
        # Lock the interest first so two answers to one offer cannot both count a place.
        locked = ExpressionOfInterest.objects.select_for_update().get(pk=interest.pk)
        if not member_can_move(by, locked, new_status):
            raise InvalidTransition(refusal)
        opportunity = OpportunityPage.objects.get(pk=locked.opportunity_id)
        if is_full(opportunity):
            raise InvalidTransition(
                "All places have now been taken. Programme staff will be in touch."
            )
    return _move(interest, new_status, by, refusal)


def bulk_change_status(interests, new_status, by):
    """Apply a staff status change to many interests, each through the workflow (its own
    row lock and email); returns (changed, skipped) counts."""
    changed = skipped = 0
    for interest in interests:
        try:
            change_status(interest, new_status, by)
            changed += 1
        except InvalidTransition:
            skipped += 1
    return changed, skipped


def member_interests(user):
    return (
        ExpressionOfInterest.objects.filter(member=user)
        .select_related("opportunity")
        .order_by("-created_at")
    )
