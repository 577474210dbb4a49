"""Inviting leaders to a learning set, and a leader joining it.

An invitation is for an email address. Someone who already has an account is emailed a
link to their portal, where the invitation waits; someone new gets one email with their
account link (an account invitation of members.accounts, as a leader, no admin access),
and finds the set's invitation waiting once they have set a password. Joining needs the
invited address's own account, before the invitation expires, while the set has a place.

    invited, refused = invitations.invite(learning_set, rows, by=staff)
    invitations.accept(invitation, user, organisation=…, share_with_set=True, confidence=3)
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from members.accounts import joining
from members.accounts.choices import MemberType
from members.accounts.services import clean_plain_text
from members.learning import notifications, services
from members.learning.models import LearningSet, SetInvitation, SetLeader
from website import activity, notify

INVITATION_DAYS = 21
MOST_AT_ONCE = 20


def parse(text):
    """[(email, name, organisation)] and [problem] from one person per line:
    "email, name, organisation" (name and organisation optional)."""
    rows, problems = [], []
    for number, line in enumerate((text or "").splitlines(), start=1):
        parts = [clean_plain_text(part)[:200] for part in line.split(",")]
        if not any(parts):
            continue
        email = parts[0].strip().strip("<>").lower()
        try:
            validate_email(email)
        except ValidationError:
            problems.append(f"Line {number}: “{email[:60]}” is not an email address.")
            continue
        if email in {row[0] for row in rows}:
            problems.append(f"Line {number}: {email} is listed twice.")
            continue
        name = parts[1] if len(parts) > 1 else ""
        organisation = ", ".join(parts[2:]) if len(parts) > 2 else ""
        rows.append((email, name[:150], organisation[:200]))
    return rows, problems


def places_left(learning_set):
    """Places not yet taken by a leader who joined or held by an open invitation."""
    taken = SetLeader.objects.filter(learning_set=learning_set).count()
    waiting = open_invitations(learning_set).count()
    return max(learning_set.places - taken - waiting, 0)


def open_invitations(learning_set):
    return SetInvitation.objects.filter(
        learning_set=learning_set,
        accepted_at__isnull=True,
        expires_at__gt=timezone.now(),
    )


@transaction.atomic
def invite(learning_set, rows, *, by):
    """Invite each (email, name, organisation). Refuses the whole batch, inviting nobody,
    when it would pass the set's places or names someone already invited."""
    learning_set = LearningSet.objects.select_for_update().get(pk=learning_set.pk)
    if not rows:
        raise services.LearningError("Enter at least one email address.")
    if len(rows) > MOST_AT_ONCE:
        raise services.LearningError(f"Invite at most {MOST_AT_ONCE} people at once.")
    already = set(
        SetInvitation.objects.filter(
            learning_set=learning_set, email__in=[row[0] for row in rows]
        ).values_list("email", flat=True)
    )
    if already:
        raise services.LearningError(
            "Already invited to this set: " + ", ".join(sorted(already)) + ". "
            "Take them off the list and send the rest."
        )
    left = places_left(learning_set)
    if len(rows) > left:
        raise services.LearningError(
            f"The set has {learning_set.places} places for leaders and {left} "
            f"{'is' if left == 1 else 'are'} still free, so you cannot invite "
            f"{len(rows)}. Invite fewer people, or give the set more places (up to 8)."
        )
    expires = timezone.now() + timedelta(days=INVITATION_DAYS)
    invited = []
    for email, name, organisation in rows:
        invitation = SetInvitation.objects.create(
            learning_set=learning_set,
            email=email,
            name=name,
            organisation=organisation,
            invited_by=by,
            expires_at=expires,
        )
        _send(invitation, by)
        invited.append(invitation)
    activity.record(learning_set, by=by, verb="set_invited", note=f"{len(invited)}")
    return invited


def _send(invitation, by):
    context = {"learning_set": invitation.learning_set, "set_invitation": invitation}
    if joining.account_exists(invitation.email):
        notify.notify(
            notifications.SET_INVITATION,
            invitation.email,
            {
                **context,
                "name": invitation.name,
                "has_account": True,
                "url": notify.absolute_url(
                    reverse("members:learning_join", args=[invitation.pk])
                ),
            },
            about=invitation,
        )
    else:
        joining.invite_member(
            invitation.email,
            MemberType.LEADER,
            invited_by=by,
            name=invitation.name,
            event=notifications.SET_INVITATION,
            context={**context, "has_account": False},
        )


def waiting_for(user):
    """Open invitations to this person's address, with their sets (one query)."""
    email = getattr(user, "email", "") or ""
    if not (getattr(user, "is_authenticated", False) and email):
        return SetInvitation.objects.none()
    return SetInvitation.objects.filter(
        email__iexact=email,
        accepted_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("learning_set")


@transaction.atomic
def accept(invitation, user, *, organisation, share_with_set, confidence):
    """The invited person joins the set. Refused once expired or taken, for anyone but
    the invited address, or when every place is taken."""
    invitation = SetInvitation.objects.select_for_update().get(pk=invitation.pk)
    learning_set = LearningSet.objects.select_for_update().get(
        pk=invitation.learning_set_id
    )
    if invitation.email.lower() != (user.email or "").lower():
        raise services.LearningError("This invitation is for someone else.")
    if invitation.accepted_at is not None:
        raise services.LearningError("You have already joined this set.")
    if invitation.expires_at <= timezone.now():
        raise services.LearningError(
            "This invitation has expired. Ask the programme team to invite you again."
        )
    joined = SetLeader.objects.filter(learning_set=learning_set).count()
    if (
        joined >= learning_set.places
        or SetLeader.objects.filter(learning_set=learning_set, leader=user).exists()
    ):
        raise services.LearningError(
            "Every place in this set is taken. The programme team will be in touch."
        )
    place = SetLeader.objects.create(
        learning_set=learning_set,
        leader=user,
        organisation=clean_plain_text(organisation)[:200],
        share_with_set=share_with_set,
        confidence_before=confidence,
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    services.enrol_in_sessions_to_come(learning_set, user)
    activity.record(learning_set, by=user, verb="leader_joined")
    return place
