"""Who may see and act on a pairing.

Staff act through permissions held by the "Programme staff" group. Partners and leaders act
on their own pairing only, and only at the right moment in its lifecycle; anyone else gets
a 404 from the views (never a hint that the pairing exists).
"""

from members.coaching.lifecycle import PAIRING_FLOW, TRANSITIONS
from members.coaching.models import (
    FINISHED,
    LEADER_VISIBLE,
    Pairing,
    PairingPartner,
)
from members.coaching.participants import (
    _active_user,
    accepted_partner,
    can_manage_pairings,
    is_pairing_leader,
    is_pairing_partner,
    is_participant,
    partner_row,
)

# Re-exported: views and the admin ask `perms.<question>` for all of these.
__all__ = [
    "accepted_partner",
    "can_manage_pairings",
    "is_pairing_leader",
    "is_pairing_partner",
    "is_participant",
    "partner_row",
]

S = Pairing.Status


def can_view_pairings_admin(user):
    return _active_user(user) and user.has_perm("members.view_pairing")


def can_view_programme_figures(user):
    return _active_user(user) and user.has_perm("members.view_programme_figures")


def can_view_pairing(user, pairing):
    """The invited or accepted partner, or the introduced leader. Staff use the admin."""
    if is_pairing_leader(user, pairing):
        return True
    row = partner_row(user, pairing)
    return row is not None and row.status in (
        PairingPartner.Status.INVITED,
        PairingPartner.Status.ACCEPTED,
        PairingPartner.Status.DECLINED,
    )


def can_see_leader_contact(user, pairing):
    """Consent first: a partner sees the leader's name and email only after accepting,
    and only once staff have introduced them."""
    return is_pairing_partner(user, pairing) and pairing.status in LEADER_VISIBLE


def can_respond_to_invitation(user, pairing):
    row = partner_row(user, pairing)
    return (
        row is not None
        and row.status == PairingPartner.Status.INVITED
        and pairing.status == S.PARTNER_INVITED
    )


def can_record_session(user, pairing):
    return is_participant(user, pairing) and pairing.status in (S.INTRODUCED, S.ACTIVE)


def can_change_pairing_status(user, pairing, action):
    """Pause, resume, complete or end early: either side or staff, at the right stage (the
    workflow's `who` rules)."""
    rule = TRANSITIONS.get(action)
    if rule is None or pairing.status not in rule.sources:
        return False
    return PAIRING_FLOW.can(pairing, rule.target, user)


def reflection_role(user, pairing):
    if is_pairing_partner(user, pairing):
        return "partner"
    if is_pairing_leader(user, pairing):
        return "leader"
    return None


def can_reflect(user, pairing):
    return pairing.status in FINISHED and reflection_role(user, pairing) is not None
