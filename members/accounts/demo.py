"""Demo accounts, two member profiles, a pending application and an open invitation.

Run by `manage.py load_demo` through members.demo; a second run leaves the same result.
The other features' demos build on these accounts (coaching's partners use ensure_account).
"""

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
    """Profiles for the demo member and co-chair, a pending application, an open invitation."""
    from home.models import Region
    from members.accounts.choices import MemberType
    from members.accounts.profiles import PRIVACY_NOTICE_VERSION
    from members.models import MemberProfile

    west_midlands = Region.objects.get(slug="west-midlands")
    for email, preferred, defaults in DEMO_PROFILES:
        user = User.objects.get(email__iexact=email)
        if preferred and user.preferred_name != preferred:
            user.preferred_name = preferred
            user.save(update_fields=["preferred_name"])
        profile, _ = MemberProfile.objects.update_or_create(
            user=user,
            defaults={
                "member_type": MemberType.LIVED_EXPERIENCE_PARTNER,
                "region": west_midlands,
                "privacy_notice_version": PRIVACY_NOTICE_VERSION,
                **defaults,
            },
        )
        if not profile.privacy_notice_accepted_at:
            profile.privacy_notice_accepted_at = user.date_joined
            profile.save(update_fields=["privacy_notice_accepted_at"])
    ensure_demo_application(west_midlands)
    ensure_demo_invitation()


DEMO_PROFILES = [
    (
        "member@example.org",
        "Morgan",
        {
            "pronouns": "they/them",
            "interests": ["coaching", "coproduction", "events"],
            "bio": (
                "I have lived with type 1 diabetes for twenty years and like helping "
                "services see appointments from the patient's side of the desk."
            ),
            # A number from Ofcom's range for drama: `make run` prints texts to it.
            "phone": "07700 900461",
            "communication_preferences": ["email", "large_print", "text"],
        },
    ),
    (
        "cochair@example.org",
        "Cass",
        {
            "pronouns": "she/her",
            "interests": ["networks", "coproduction", "research"],
            "bio": (
                "Unpaid carer for my dad and co-chair of the West Midlands network. "
                "I want every leader in the region to hear from carers early."
            ),
            "communication_preferences": ["email", "phone"],
        },
    ),
]


def ensure_demo_application(region):
    """One application waiting for staff, so the admin list is not empty: made once,
    through the joining service (its checks and emails), as a visitor would."""
    from members.accounts import joining
    from members.models import Application

    if Application.objects.filter(email="applicant@example.org").exists():
        return
    joining.submit_application(
        name="Priya Applicant",
        email="applicant@example.org",
        member_type="partner",
        region=region,
        organisation="",
        reason=(
            "I care for my son, who has a learning disability, and I would like to "
            "help health and care leaders plan services with families, not for them."
        ),
    )


def ensure_demo_invitation():
    """One open invitation, sent once through the joining service (its link is not shown:
    the token is stored only as a hash). A later run only renews an expired one."""
    from django.utils import timezone

    from members.accounts import joining
    from members.accounts.invitations import default_expiry
    from members.models import Invitation

    invitation = Invitation.objects.filter(email="invited@example.org").first()
    if invitation is None:
        joining.invite_member("invited@example.org", "partner")
        return
    if invitation.expires_at is None or invitation.expires_at <= timezone.now():
        invitation.accepted_at = None
        invitation.revoked_at = None
        invitation.expires_at = default_expiry()
        invitation.save()
