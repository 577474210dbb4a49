"""Accounts: profiles, special-category consent, erasure, and the plain-text cleaning every
feature's forms share. Invitations and applications live in members/accounts/joining.py.

Views and the admin call these functions; each validates, saves, then sends its email with
website.notify in the same transaction (events in members/accounts/notifications.py).
"""

import re
import unicodedata

from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from members.accounts import notifications
from members.accounts.choices import MemberType
from members.accounts.profiles import (
    SPECIAL_CATEGORY_CONSENT_VERSION,
    SPECIAL_CATEGORY_FIELDS,
)
from members.models import Application, Invitation, MemberProfile, User
from website import audit, notify, roles, sms
from website.dataexport import erase_for

FORMER_MEMBER = "Former member"

# C0/C1 controls (keeping tab and newline) and bidirectional overrides.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def clean_plain_text(value):
    """Strip control and direction-override characters; members send plain text only."""
    if value is None:
        return ""
    value = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n")
    return _CONTROL.sub("", value).strip()


# Profiles ----------------------------------------------------------------------------


def get_profile(user):
    """The member's profile, created empty on first use (staff may have none)."""
    profile, _ = MemberProfile.objects.select_related("region").get_or_create(
        user=user,
        defaults={"member_type": MemberType.LIVED_EXPERIENCE_PARTNER},
    )
    return profile


@transaction.atomic
def save_profile(profile, data, *, preferred_name, special_category_consent):
    """Save the member's own changes; special-category fields only with consent."""
    user = profile.user
    user.preferred_name = clean_plain_text(preferred_name)[:100]
    user.save(update_fields=["preferred_name"])
    for name, value in data.items():
        if isinstance(value, str):
            value = clean_plain_text(value)
        setattr(profile, name, value)
    has_special = any(getattr(profile, name) for name in SPECIAL_CATEGORY_FIELDS)
    if has_special and special_category_consent:
        if not profile.special_category_consent_at:
            profile.special_category_consent_at = timezone.now()
            profile.special_category_consent_version = SPECIAL_CATEGORY_CONSENT_VERSION
            audit.record(
                profile,
                "members.special_category_consented",
                user=user,
                data={"version": SPECIAL_CATEGORY_CONSENT_VERSION},
            )
    elif has_special:
        raise ValueError("Special-category data needs consent.")
    elif profile.special_category_consent_at:
        _clear_special_category(profile, user)
    profile.save()
    return profile


def _clear_special_category(profile, by):
    for name in SPECIAL_CATEGORY_FIELDS:
        setattr(profile, name, "")
    profile.special_category_consent_at = None
    profile.special_category_consent_version = ""
    audit.record(profile, "members.special_category_withdrawn", user=by)


@transaction.atomic
def withdraw_special_category_consent(profile):
    """Withdrawing consent deletes the information at once (DP-2)."""
    _clear_special_category(profile, profile.user)
    profile.save()
    return profile


def record_special_category_view(profile, viewer):
    """Each staff view of special-category data goes into Wagtail's audit log."""
    audit.record(profile, "members.special_category_viewed", user=viewer)


# My data -----------------------------------------------------------------------------


@transaction.atomic
def erase_member(user, *, notify_staff=True):
    """Erase or anonymise everything about this person at once; staff are told (no names).

    Other apps' records go through the erase hook first (members/exporters.py), while the
    user still has their email and names; then the user row is anonymised and kept, so that
    records others rely on stay attributed to "Former member". Callers that erase many
    accounts (members.accounts.inactivity) pass ``notify_staff=False`` and send one summary.
    The audit entry's actor is the caller's log context: the person themselves from "My
    data", none (the system) from the inactivity purge.
    """
    email = user.email
    reference = user.pk
    erase_for(user)
    _scrub_audit_labels(user, email)
    for phone in MemberProfile.objects.filter(user=user).values_list(
        "phone", flat=True
    ):
        sms.forget(phone)
    MemberProfile.objects.filter(user=user).delete()
    Invitation.objects.filter(email__iexact=email).update(
        email=f"erased-{reference}@invalid", network_slug=""
    )
    Application.objects.filter(email__iexact=email).update(
        name=FORMER_MEMBER,
        email=f"erased-{reference}@invalid",
        organisation="",
        reason="",
    )
    EmailAddress.objects.filter(user=user).delete()
    _delete_authenticators(user)
    _delete_outbox_mail(email)
    user.email = f"erased-{reference}@invalid"
    user.first_name = ""
    user.last_name = ""
    user.preferred_name = FORMER_MEMBER
    user.inactivity_warning_sent_at = None
    user.is_active = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    _delete_sessions(user)
    audit.record(user, "members.account_erased")
    if notify_staff:
        notify.notify(
            notifications.ACCOUNT_DELETED_STAFF_NOTICE,
            roles.STAFF,
            {"reference": reference},
        )


def _scrub_audit_labels(user, email):
    """Audit entries keep their action and date; labels that name the person are replaced."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    application_ids = [
        str(pk)
        for pk in Application.objects.filter(email__iexact=email).values_list(
            "pk", flat=True
        )
    ]
    ModelLogEntry.objects.filter(label__icontains=email).update(label=FORMER_MEMBER)
    # Wagtail's own entries about the account (the users admin) are labelled with the name.
    audit.scrub_labels(User, [user.pk], FORMER_MEMBER)
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Application),
        object_id__in=application_ids,
    ).update(label=FORMER_MEMBER)
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(MemberProfile),
        object_id__in=[
            str(pk)
            for pk in MemberProfile.objects.filter(user=user).values_list(
                "pk", flat=True
            )
        ],
    ).update(label=FORMER_MEMBER)


def _delete_authenticators(user):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.filter(user=user).delete()


def _delete_outbox_mail(email):
    from post_office.models import Email

    Email.objects.filter(to__icontains=email).delete()


def _delete_sessions(user):
    """Sign the person out everywhere (database sessions hold their user id)."""
    user_id = str(user.pk)
    stale = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == user_id
    ]
    Session.objects.filter(pk__in=stale).delete()
