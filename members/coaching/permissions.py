"""Who may see and act on a pairing.

Staff act through permissions held by the "Programme staff" group. Partners and leaders act
on their own pairing only, and only at the right moment in its lifecycle; anyone else gets
a 404 from the views (never a hint that the pairing exists).
"""

from members.coaching.lifecycle import TRANSITIONS
from members.coaching.models import (
    FINISHED,
    LEADER_VISIBLE,
    Pairing,
    PairingPartner,
)

S = Pairing.Status


def _active_user(user):
    return bool(user and user.is_authenticated and user.is_active)


def can_manage_pairings(user):
    return _active_user(user) and user.has_perm("members.change_pairing")


def can_view_pairings_admin(user):
    return _active_user(user) and user.has_perm("members.view_pairing")


def can_view_programme_figures(user):
    return _active_user(user) and user.has_perm("members.view_programme_figures")


def can_decide_claims(user):
    return _active_user(user) and user.has_perm("members.change_expenseclaim")


def can_export_claims(user):
    return _active_user(user) and user.has_perm("members.export_expenseclaim")


def partner_row(user, pairing):
    """This person's invitation on the pairing (the latest), or None."""
    if not _active_user(user):
        return None
    rows = getattr(pairing, "_partner_rows", None)
    if rows is None:
        rows = list(pairing.partners.all())
        pairing._partner_rows = rows
    mine = [row for row in rows if row.partner_id == user.pk]
    return mine[-1] if mine else None


def accepted_partner(pairing):
    rows = getattr(pairing, "_partner_rows", None)
    if rows is None:
        rows = list(pairing.partners.select_related("partner"))
        pairing._partner_rows = rows
    for row in rows:
        if row.status == PairingPartner.Status.ACCEPTED:
            return row
    return None


def is_pairing_partner(user, pairing):
    """An accepted partner of this pairing."""
    row = partner_row(user, pairing)
    return row is not None and row.status == PairingPartner.Status.ACCEPTED


def is_pairing_leader(user, pairing):
    return (
        _active_user(user)
        and pairing.leader_id == user.pk
        and pairing.status in LEADER_VISIBLE
    )


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


def is_participant(user, pairing):
    return is_pairing_partner(user, pairing) or is_pairing_leader(user, pairing)


def can_record_session(user, pairing):
    return is_participant(user, pairing) and pairing.status in (S.INTRODUCED, S.ACTIVE)


def can_change_pairing_status(user, pairing, action):
    """Pause, resume, complete or end early: either side or staff, at the right stage."""
    rule = TRANSITIONS.get(action)
    if rule is None or pairing.status not in rule.sources:
        return False
    if can_manage_pairings(user):
        return True
    return rule.participants and is_participant(user, pairing)


def can_claim_expenses(user, pairing):
    return is_pairing_partner(user, pairing) and pairing.status in (
        S.INTRODUCED,
        S.ACTIVE,
        S.PAUSED,
        S.COMPLETED,
        S.ENDED_EARLY,
    )


def reflection_role(user, pairing):
    if is_pairing_partner(user, pairing):
        return "partner"
    if is_pairing_leader(user, pairing):
        return "leader"
    return None


def can_reflect(user, pairing):
    return pairing.status in FINISHED and reflection_role(user, pairing) is not None
