"""Who may do what with training records and debrief requests.

Programme staff manage courses and record completions (model permissions granted in
migration 0031). Only the "Partner support" group answers debriefs: programme staff, the
leader and everyone else never see them. A partner sees only their own of either.
"""

from website import roles


def _active(user):
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_view_training(user):
    return _active(user) and user.has_perm("members.view_trainingcompletion")


def can_record_training(user):
    return _active(user) and user.has_perm("members.add_trainingcompletion")


def can_remove_training(user):
    return _active(user) and user.has_perm("members.delete_trainingcompletion")


def can_answer_debriefs(user):
    return _active(user) and (user.is_superuser or roles.in_group(user, roles.SUPPORT))
