"""The accounts feature's sections of "Download my data": account, profile, how they joined."""

from wagtail import hooks

from website.dataexport import MEMBER_DATA_EXPORT_HOOK, ExportSection


@hooks.register(MEMBER_DATA_EXPORT_HOOK)
def export_account(user):
    from allauth.account.models import EmailAddress

    addresses = list(
        EmailAddress.objects.filter(user=user).values("email", "verified", "primary")
    )
    return ExportSection(
        key="account",
        title="Your account",
        order=0,
        records=[
            {
                "email": user.email,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "preferred_name": user.preferred_name,
                "joined": user.date_joined,
                "last_signed_in": user.last_login,
                "unused_account_warning_sent": user.inactivity_warning_sent_at,
                "email_addresses": addresses,
            }
        ],
    )


@hooks.register(MEMBER_DATA_EXPORT_HOOK)
def export_two_step(user):
    """Which two-step methods are set up and when; never their secrets."""
    from allauth.mfa.models import Authenticator

    rows = Authenticator.objects.filter(user=user).values(
        "type", "created_at", "last_used_at"
    )
    return ExportSection(
        key="two_step_verification",
        title="Two-step verification",
        order=5,
        records=[
            {
                "method": row["type"],
                "set_up": row["created_at"],
                "last_used": row["last_used_at"],
            }
            for row in rows
        ],
    )


@hooks.register(MEMBER_DATA_EXPORT_HOOK)
def export_profile(user):
    from members.models import MemberProfile

    profile = MemberProfile.objects.select_related("region").filter(user=user).first()
    if profile is None:
        return None
    return ExportSection(
        key="profile",
        title="Your profile",
        order=10,
        records=[
            {
                "member_type": profile.get_member_type_display(),
                "region": profile.region.name if profile.region else "",
                "pronouns": profile.pronouns,
                "organisation": profile.organisation,
                "interests": profile.get_interests_display(),
                "about_you": profile.bio,
                "phone": profile.phone,
                "communication_preferences": (
                    profile.get_communication_preferences_display()
                ),
                "lived_experience": profile.lived_experience,
                "caring_responsibilities": profile.caring_responsibilities,
                "access_needs": profile.access_needs,
            }
        ],
    )


@hooks.register(MEMBER_DATA_EXPORT_HOOK)
def export_consent(user):
    from members.models import MemberProfile

    profile = MemberProfile.objects.filter(user=user).first()
    if profile is None:
        return None
    return ExportSection(
        key="consent",
        title="Your consent choices",
        order=15,
        records=[
            {
                "privacy_notice_version": profile.privacy_notice_version,
                "privacy_notice_accepted_at": profile.privacy_notice_accepted_at,
                "private_information_consent_version": (
                    profile.special_category_consent_version
                ),
                "private_information_consent_given_at": (
                    profile.special_category_consent_at
                ),
            }
        ],
    )


@hooks.register(MEMBER_DATA_EXPORT_HOOK)
def export_invitations_and_applications(user):
    from members.models import Application, Invitation

    invitations = [
        {
            "kind": "invitation",
            "sent": row["sent_at"],
            "accepted": row["accepted_at"],
        }
        for row in Invitation.objects.filter(email__iexact=user.email).values(
            "sent_at", "accepted_at"
        )
    ]
    applications = [
        {
            "kind": "application",
            "name": row["name"],
            "organisation": row["organisation"],
            "reason": row["reason"],
            "sent": row["created_at"],
            "status": row["status"],
        }
        for row in Application.objects.filter(email__iexact=user.email).values(
            "name", "organisation", "reason", "created_at", "status"
        )
    ]
    return ExportSection(
        key="joining",
        title="How you joined",
        order=20,
        records=invitations + applications,
    )
