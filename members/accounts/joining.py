"""Invitations and applications: the two ways an account comes into being.

Staff invite someone (a one-use link by email) or approve an application; accepting an
invitation creates the account. Each step saves, records an audit line and sends its email
with website.notify in the same transaction (events in members/accounts/notifications.py).
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from members.accounts import notifications, onboarding
from members.accounts.invitations import default_expiry, hash_token
from members.accounts.profiles import PRIVACY_NOTICE_VERSION
from members.accounts.services import clean_plain_text
from members.models import Application, Invitation, MemberProfile, User
from website import audit, notify, roles

INVITATION_ACCEPTED_HOOK = "register_invitation_accepted"

# Invitations -------------------------------------------------------------------------


def account_exists(email):
    return User.objects.filter(email__iexact=email.strip()).exists()


def _send_invitation(invitation, token, name=None, event=None, context=None):
    if name is None:  # a resend: the application it answers, if any, still names them
        application = onboarding.application_for(invitation)
        name = application.name if application else ""
    invitation.sent_at = timezone.now()
    invitation.send_count += 1
    invitation.save()
    notify.notify(
        event or notifications.MEMBER_INVITATION,
        invitation.email,
        {
            **(context or {}),
            "invitation": invitation,
            "name": name,
            "url": notify.absolute_url(
                reverse("members:accept_invitation", args=[token])
            ),
        },
        about=invitation,
    )


@transaction.atomic
def invite_member(
    email,
    member_type,
    invited_by=None,
    network_slug="",
    name="",
    *,
    event=None,
    context=None,
):
    """Create an invitation and queue its email; an older open invitation is revoked.
    A feature inviting someone to something of its own (a learning set) names its own
    email `event` and `context`, so the person gets one email with their account link."""
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
    _send_invitation(invitation, token, name=name, event=event, context=context)
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
