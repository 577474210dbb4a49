"""Who may raise a safeguarding or wellbeing concern, and who reads them.

Anyone who works in the admin (staff, editors, finance, the leads themselves) and every
Lived Experience Partner may raise one. Only the designated safeguarding leads
(`roles.SAFEGUARDING`) read the log and close concerns. Superusers are deliberately not
included: a superuser who needs to read the log joins the group, and that membership
change is itself in the audit trail (`website.audit.on_groups_changed`), so nobody reads
concerns without leaving a mark. A person who raised a concern reads back only what they
wrote and its status, never the leads' outcome notes.
"""

from members.accounts.profiles import is_partner
from website import roles


def _active(user):
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_raise(user):
    # Admin access first: it is read from the permissions already loaded, where the
    # profile would be one more query on every admin page (the menu asks).
    return _active(user) and (roles.has_admin_access(user) or is_partner(user))


def can_read_log(user):
    """The designated safeguarding leads, and nobody else (superusers included)."""
    return _active(user) and roles.in_group(user, roles.SAFEGUARDING)


def can_close(user, concern):
    return can_read_log(user) and concern.status == concern.Status.OPEN


def raised(user, concern):
    return _active(user) and concern.raised_by_id == user.pk
