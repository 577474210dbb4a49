"""Registries that make "download my data" and "delete my account" complete across apps.

`members` cannot import `networks` (design.md §3), so each app that holds personal data about
a member registers two functions with Wagtail's hook registry, usually in its
`wagtail_hooks.py`.

Export contract — ``@hooks.register(MEMBER_DATA_EXPORT_HOOK)``::

    def export_my_interests(user):
        rows = ExpressionOfInterest.objects.filter(user=user).values(...)
        return ExportSection(
            key="expressions_of_interest",       # JSON key, unique, snake_case
            title="Expressions of interest",     # heading on the HTML page
            records=[{"opportunity": ..., "status": ..., "submitted_at": ...}, ...],
            order=40,                            # lower numbers come first
        )

- Called once per export with the member's ``User``; return an ``ExportSection`` or ``None``
  when the app holds nothing about them.
- ``records`` is a list (or any iterable) of flat-ish dicts whose values are JSON-serialisable
  by Django's ``DjangoJSONEncoder`` (str, int, bool, None, dates, lists, dicts). Keys are
  human-readable snake_case; they become column headings on the HTML page.
- Use a fixed number of queries (``values()``/``select_related``), never one per record.
- Include everything held about the person, including special-category fields of their own;
  leave out secrets (password hashes, tokens, TOTP seeds) and other people's personal data
  (use "Programme staff" rather than a staff member's name where appropriate).

Erase contract — ``@hooks.register(ERASE_HOOK)``::

    def erase_my_interests(user):
        ExpressionOfInterest.objects.filter(user=user, reviewed_at__isnull=True).delete()
        ExpressionOfInterest.objects.filter(user=user).update(note="", phone="")

- Called once, inside the deletion transaction, *before* the user row is anonymised, so
  ``user.email``, names and ``user.pk`` still hold their original values (use the email to
  find records that were matched by address, such as enquiries).
- Delete what nobody else relies on; anonymise (blank the personal fields, keep the row and
  its foreign key to the now-anonymous user) what other people rely on, such as a co-chair's
  update or an interest staff reviewed. The user row itself is kept, renamed "Former member",
  deactivated and stripped of email, names and password, so foreign keys stay valid.
- Raise nothing for "no data"; an exception aborts the whole deletion (nothing is half-done).
"""

import json
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from wagtail import hooks

MEMBER_DATA_EXPORT_HOOK = "register_member_data_export"
ERASE_HOOK = "register_member_data_erase"


@dataclass
class ExportSection:
    """One app's records about a member, for the JSON download and the readable page."""

    key: str
    title: str
    records: list = field(default_factory=list)
    order: int = 50
    description: str = ""


def sections_for(user):
    """Every registered section for this user, in display order."""
    sections = []
    for build in hooks.get_hooks(MEMBER_DATA_EXPORT_HOOK):
        section = build(user)
        if section is not None:
            section.records = list(section.records)
            sections.append(section)
    return sorted(sections, key=lambda section: (section.order, section.key))


def erase_for(user):
    """Ask every app to delete or anonymise its records about this user."""
    for erase in hooks.get_hooks(ERASE_HOOK):
        erase(user)


def stream_json(user):
    """Yield the JSON document chunk by chunk, so a long history streams without delay."""
    encoder = DjangoJSONEncoder(ensure_ascii=False)
    yield '{"format": "voices-member-data/1"'
    for section in sections_for(user):
        yield f",\n{json.dumps(section.key)}: ["
        for index, record in enumerate(section.records):
            yield ("," if index else "") + "\n  " + encoder.encode(record)
        yield "\n]"
    yield "\n}\n"


# The members app's own records ----------------------------------------------------------


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
