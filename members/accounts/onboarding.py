"""What an applicant told us follows them into their invitation and their account.

An application holds the person's name, how they take part, their region and organisation.
Staff may correct those on the approval screen before the invitation goes; the corrected
application is then the one source the invitation email and the new account read, so an
approved applicant never starts with an empty profile (greeted as "nia.newcomer").
Invitations sent by hand have no application and carry nothing.
"""

from members.accounts.invitations import Application

# What staff may correct before sending; the reason stays as the applicant wrote it.
CARRIED_FIELDS = ("name", "member_type", "region", "organisation")


def apply_corrections(application, details):
    """Store staff's corrections on the application; returns the names of changed fields."""
    changed = []
    for field in CARRIED_FIELDS:
        if field not in details:
            continue
        value = details[field]
        if isinstance(value, str):
            value = value.strip()
        if getattr(application, field) != value:
            setattr(application, field, value)
            changed.append(field)
    return changed


def application_for(invitation):
    """The approved application this invitation answers, or None for a hand-sent one."""
    if invitation.pk is None:
        return None
    return (
        Application.objects.filter(invitation=invitation)
        .select_related("region")
        .order_by("-decided_at")
        .first()
    )


def split_name(name):
    """(first, last) for Django's name fields: the first word, then everything after it."""
    parts = (name or "").split(None, 1)
    return (parts[0] if parts else "", parts[1] if len(parts) > 1 else "")


def suggested_preferred_name(invitation):
    """What the accept page offers for "What should we call you?": the applicant's first name."""
    application = application_for(invitation)
    return split_name(application.name)[0] if application else ""


def carry_into_account(invitation, user, profile):
    """Give the new account the application's name, region and organisation.

    Only fills what is empty, so someone who already had an account keeps their own details.
    """
    application = application_for(invitation)
    if application is None:
        return
    first, last = split_name(application.name)
    if not (user.first_name or user.last_name):
        user.first_name, user.last_name = first[:150], last[:150]
        user.save(update_fields=["first_name", "last_name"])
    fields = []
    if profile.region_id is None and application.region_id is not None:
        profile.region_id = application.region_id
        fields.append("region")
    if not profile.organisation and application.organisation:
        profile.organisation = application.organisation
        fields.append("organisation")
    if fields:
        profile.save(update_fields=fields)
