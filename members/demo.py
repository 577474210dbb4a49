"""Demo accounts and member data, built idempotently by `manage.py load_demo`."""

from django.conf import settings
from django.contrib.auth.models import Group

from members.models import User

DEMO_ACCOUNTS = [
    # email, first name, last name, groups
    ("editor@example.org", "Esme", "Editor", ["Editors", "Moderators"]),
    ("staff@example.org", "Sam", "Staff", ["Programme staff"]),
    ("member@example.org", "Morgan", "Member", ["Members"]),
    ("cochair@example.org", "Cass", "Cochair", ["Members"]),
]


def load():
    load_accounts()
    load_profiles()
    load_enquiries()


def load_accounts():
    for email, first, last, groups in DEMO_ACCOUNTS:
        ensure_account(email, first, last, groups)


def ensure_account(email, first_name, last_name, group_names):
    """Create or reset a demo account; the password is always DEMO_PASSWORD afterwards."""
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(email=email)
    user.first_name = first_name
    user.last_name = last_name
    user.is_active = True
    if not user.check_password(settings.DEMO_PASSWORD):
        user.set_password(settings.DEMO_PASSWORD)
    user.save()
    user.groups.set(Group.objects.filter(name__in=group_names))
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def load_profiles():
    """Member profiles arrive with the portal issue."""


def load_enquiries():
    """Demo enquiries arrive with the enquiries issue."""
