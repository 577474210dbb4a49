"""Who someone is in a pairing (its staff, its partner, its leader), read by the permissions
and by the pairing workflow's `who` rules, so neither of those imports the other."""

from members.coaching.models import LEADER_VISIBLE, PairingPartner


def _active_user(user):
    return bool(user and user.is_authenticated and user.is_active)


def can_manage_pairings(user):
    return _active_user(user) and user.has_perm("members.change_pairing")


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


def is_participant(user, pairing):
    return is_pairing_partner(user, pairing) or is_pairing_leader(user, pairing)
