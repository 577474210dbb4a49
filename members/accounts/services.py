"""Accounts: invitations, applications, profiles, data export and erasure.

Views and the admin call these functions; each validates, saves, then sends its email with
website.notify in the same transaction (events in members/accounts/notifications.py).
"""

import re
import unicodedata

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from members.accounts import notifications, onboarding
from members.accounts.choices import MemberType
from members.accounts.invitations import default_expiry, hash_token
from members.accounts.profiles import (
    PRIVACY_NOTICE_VERSION,
    SPECIAL_CATEGORY_CONSENT_VERSION,
    SPECIAL_CATEGORY_FIELDS,
)
from members.models import Application, Invitation, MemberProfile, User
from website import audit, notify, roles
from website import outbox as mail
from website.dataexport import erase_for

FORMER_MEMBER = "Former member"
INVITATION_ACCEPTED_HOOK = "register_invitation_accepted"

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


# site_url and queue_email remain only for coaching's emails, until coaching sends
# through website.notify too; accounts' own emails are events (members/accounts/notifications).
def site_url(path):
    return notify.absolute_url(path)


def queue_email(to, template, context, priority="medium"):
    """Render `templates/members/emails/<template>.txt` (first line is the subject) and queue."""
    text = render_to_string(f"members/emails/{template}.txt", context).strip()
    subject, _, body = text.partition("\n")
    return mail.send(
        recipients=[to] if isinstance(to, str) else list(to),
        sender=settings.DEFAULT_FROM_EMAIL,
        subject=subject.strip(),
        message=body.strip() + "\n",
        priority=priority,
    )


staff_emails = roles.staff_emails  # still imported by coaching


# Invitations -------------------------------------------------------------------------


def account_exists(email):
    return User.objects.filter(email__iexact=email.strip()).exists()


def _send_invitation(invitation, token, name=None):
    if name is None:  # a resend: the application it answers, if any, still names them
        application = onboarding.application_for(invitation)
        name = application.name if application else ""
    invitation.sent_at = timezone.now()
    invitation.send_count += 1
    invitation.save()
    notify.notify(
        notifications.MEMBER_INVITATION,
        invitation.email,
        {
            "invitation": invitation,
            "name": name,
            "url": notify.absolute_url(
                reverse("members:accept_invitation", args=[token])
            ),
        },
        about=invitation,
    )


@transaction.atomic
def invite_member(email, member_type, invited_by=None, network_slug="", name=""):
    """Create an invitation and queue its email; an older open invitation is revoked."""
    email = email.strip().lower()
    Invitation.objects.open().filter(email__iexact=email).update(
        revoked_at=timezone.now()
    )
    invitation = Invitation(
        email=email,
        member_type=member_type,
        network_slug=network_slug or "",
        invited_by=invited_by,
    )
    token = invitation.new_token()
    _send_invitation(invitation, token, name=name)
    audit.record(invitation, "wagtail.create", user=invited_by)
    return invitation


@transaction.atomic
def resend_invitation(invitation, by=None):
    """A new link (the old one stops working) and a fresh expiry date."""
    token = invitation.new_token()
    invitation.expires_at = default_expiry()
    invitation.revoked_at = None
    _send_invitation(invitation, token)
    audit.record(invitation, "members.invitation_resent", user=by)
    return invitation


@transaction.atomic
def revoke_invitation(invitation, by=None):
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit.record(invitation, "members.invitation_revoked", user=by)
    return invitation


def find_open_invitation(token):
    """The open invitation for this link, or None for unknown, used, revoked or expired."""
    if not token or len(token) > 100:
        return None
    invitation = Invitation.objects.filter(token_hash=hash_token(token)).first()
    if invitation is None or not invitation.is_open:
        return None
    return invitation


@transaction.atomic
def accept_invitation(invitation, password, preferred_name=""):
    """Create the member's account from an open invitation; the link stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValueError("This invitation is no longer open.")
    user = User.objects.filter(email__iexact=invitation.email).first()
    if user is None:
        user = User(email=invitation.email)
    user.preferred_name = clean_plain_text(preferred_name)[:100]
    user.is_active = True
    user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get(name=roles.MEMBERS))
    EmailAddress.objects.update_or_create(
        user=user,
        email=user.email,
        defaults={"verified": True, "primary": True},
    )
    now = timezone.now()
    profile, _ = MemberProfile.objects.update_or_create(
        user=user,
        defaults={
            "member_type": invitation.member_type,
            "privacy_notice_accepted_at": now,
            "privacy_notice_version": PRIVACY_NOTICE_VERSION,
        },
    )
    onboarding.carry_into_account(invitation, user, profile)
    invitation.accepted_at = now
    invitation.accepted_user = user
    invitation.save(update_fields=["accepted_at", "accepted_user"])
    for on_accept in hooks.get_hooks(INVITATION_ACCEPTED_HOOK):
        on_accept(invitation, user)
    return user


# Applications ------------------------------------------------------------------------


@transaction.atomic
def submit_application(*, name, email, member_type, region, organisation, reason):
    application = Application.objects.create(
        name=clean_plain_text(name),
        email=email.strip().lower(),
        member_type=member_type,
        region=region,
        organisation=clean_plain_text(organisation),
        reason=clean_plain_text(reason),
        privacy_notice_version=PRIVACY_NOTICE_VERSION,
    )
    notify.notify(
        notifications.APPLICATION_RECEIVED,
        application.email,
        {"application": application},
        about=application,
    )
    notify.notify(
        notifications.APPLICATION_STAFF_NOTICE,
        roles.STAFF,
        {"application": application, "url": notify.absolute_url("/admin/")},
    )
    return application


@transaction.atomic
def approve_application(application, by=None, details=None):
    """Approve and send the invitation (the applicant's welcome email is the invitation).

    `details`: staff's corrections to what the applicant told us (members.accounts.onboarding),
    which the invitation and the new account then carry.
    """
    if application.status != Application.Status.PENDING:
        raise ValueError("This application has already been decided.")
    corrected = onboarding.apply_corrections(application, details or {})
    invitation = invite_member(
        application.email,
        application.member_type,
        invited_by=by,
        name=application.name,
    )
    application.status = Application.Status.APPROVED
    application.decided_at = timezone.now()
    application.decided_by = by
    application.invitation = invitation
    application.save()
    audit.record(
        application,
        "members.application_approved",
        user=by,
        data={"corrected": corrected} if corrected else None,
    )
    return invitation


@transaction.atomic
def decline_application(application, by=None, note=""):
    if application.status != Application.Status.PENDING:
        raise ValueError("This application has already been decided.")
    application.status = Application.Status.DECLINED
    application.decided_at = timezone.now()
    application.decided_by = by
    application.save()
    notify.notify(
        notifications.APPLICATION_DECLINED,
        application.email,
        {"application": application, "note": clean_plain_text(note)},
        about=application,
    )
    audit.record(application, "members.application_declined", user=by)
    return application


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
