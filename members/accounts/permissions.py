"""Who may do what with accounts, profiles, invitations and applications."""

SPECIAL_CATEGORY_PERMISSION = "members.view_special_category"


def can_use_portal(user):
    return bool(user and user.is_authenticated and user.is_active)


def can_view_special_category(user, profile):
    """The member themselves, or staff holding the dedicated permission; nobody else."""
    if not can_use_portal(user) or profile is None:
        return False
    return profile.user_id == user.pk or user.has_perm(SPECIAL_CATEGORY_PERMISSION)


def can_edit_profile(user, profile):
    """Only the member edits their own profile; staff correct it through support."""
    return can_use_portal(user) and profile is not None and profile.user_id == user.pk


def can_manage_invitations(user):
    return can_use_portal(user) and user.has_perm("members.add_invitation")


def can_decide_application(user, application=None):
    return can_use_portal(user) and user.has_perm("members.change_application")


def can_view_members(user):
    return can_use_portal(user) and user.has_perm("members.view_memberprofile")


def can_delete_account(user):
    """Anyone but a superuser may delete their own account (superusers hand over first)."""
    return can_use_portal(user) and not user.is_superuser
