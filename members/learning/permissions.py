"""Who may do what with learning sets: programme staff run them; facilitators see what
leaders see plus attendance and their private notes; a leader sees only their own set."""

from members.learning.models import SetFacilitator, SetLeader
from website import roles


def _active(user):
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def manages(user):
    return _active(user) and (user.is_superuser or roles.is_staff(user))


def facilitates(user, learning_set):
    return (
        _active(user)
        and SetFacilitator.objects.filter(
            learning_set=learning_set, partner=user
        ).exists()
    )


def role_in(user, learning_set):
    """ "facilitator", "leader" or None (one query at most)."""
    if not _active(user):
        return None
    if facilitates(user, learning_set):
        return "facilitator"
    if SetLeader.objects.filter(learning_set=learning_set, leader=user).exists():
        return "leader"
    return None
