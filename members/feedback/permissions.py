"""Who may read feedback answers: programme staff, and anyone Wagtail lets change the
form's page (editors). Reading includes the export; deleting answers stays with Wagtail's
own check (page editors only)."""

from wagtail.contrib.forms.utils import get_forms_for_user

from website import roles


def _active(user):
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def reads_all(user):
    """Programme staff and superusers read the answers to every feedback form."""
    return _active(user) and (user.is_superuser or roles.is_staff(user))


def can_read_answers(user, page):
    if not _active(user):
        return False
    return reads_all(user) or get_forms_for_user(user).filter(pk=page.pk).exists()
