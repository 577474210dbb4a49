"""Pairing lifecycle: propose, invite, accept or decline, introduce, then activate, pause,
resume, complete or end early. Each step validates, saves under a row lock, records who/when/why,
then queues its email in the same transaction (django-post-office).

A refused step raises `PairingError` with a message for people and changes nothing. Status
changes are also compare-and-swap updates (members/coaching/lifecycle.py), so two clicks at once
cannot both succeed even on a database without row locks. Sessions (each opening a claim in
members/payments) are in sessions.py, reflections in reflections.py, the member-data export and
erasure in exports.py.
"""

from allauth.account.models import EmailAddress
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from members.accounts.choices import MemberType
from members.accounts.services import clean_plain_text
from members.coaching import notifications
from members.coaching.lifecycle import (
    REFUSED,
    TRANSITIONS,
    P,
    PairingError,
    S,
    lock,
    move,
    portal_url,
    record_event,
)
from members.coaching.models import Pairing, PairingPartner
from members.models import MemberProfile, User
from website import notify, roles

# Staff steps ---------------------------------------------------------------------------


def _check_partner(partner):
    profile = MemberProfile.objects.filter(user=partner).first()
    if (
        not partner.is_active
        or profile is None
        or profile.member_type != MemberType.LIVED_EXPERIENCE_PARTNER
    ):
        raise PairingError("Choose an active Lived Experience Partner.")


@transaction.atomic
def propose_partner(
    enquiry,
    partner,
    *,
    by,
    focus,
    session_payment=None,
    expenses_limit=None,
    reasons="",
):
    """Start a pairing for an enquiry with a first proposed partner (staff choose; nothing
    is automatic). An enquiry whose pairing is waiting for a new partner reuses it."""
    _check_partner(partner)
    waiting = (
        Pairing.objects.select_for_update()
        .filter(enquiry=enquiry, status=S.PARTNER_DECLINED)
        .first()
    )
    if waiting is not None:
        return propose_another_partner(waiting, partner, by=by, reasons=reasons)
    if (
        Pairing.objects.filter(enquiry=enquiry)
        .exclude(status__in=(S.COMPLETED, S.ENDED_EARLY))
        .exists()
    ):
        raise PairingError("This enquiry already has a pairing in progress.")
    if enquiry.anonymised_at:
        raise PairingError("This enquiry has been anonymised.")
    pairing = Pairing.objects.create(
        enquiry=enquiry,
        leader_role=enquiry.job_title,
        organisation_type=enquiry.organisation_type,
        region=enquiry.region,
        region_name=enquiry.region_name
        or (enquiry.region.name if enquiry.region else ""),
        focus=clean_plain_text(focus)[:2000],
        enquiry_received_at=enquiry.created_at,
        session_payment=session_payment
        if session_payment is not None
        else Pairing._meta.get_field("session_payment").default,
        expenses_limit=expenses_limit
        if expenses_limit is not None
        else Pairing._meta.get_field("expenses_limit").default,
        created_by=by,
    )
    PairingPartner.objects.create(
        pairing=pairing, partner=partner, match_reasons=reasons[:500]
    )
    record_event(pairing, by, "Partner proposed", "", S.PROPOSED, str(partner))
    _advance_enquiry(enquiry, "in_progress", by)
    return pairing


def _advance_enquiry(enquiry, status, by):
    """Keep the enquiry's own triage status in step, through the enquiries service, when
    its workflow allows the move (staff may have moved it on already)."""
    from members.enquiries import services as enquiry_services

    if enquiry is None:
        return
    if enquiry.status == "new" and status == "matched":
        enquiry_services.change_status(enquiry, "in_progress", by)
    if status in enquiry_services.next_statuses(enquiry):
        enquiry_services.change_status(enquiry, status, by)


@transaction.atomic
def propose_another_partner(pairing, partner, *, by, reasons=""):
    """After a partner declines, staff propose someone else on the same pairing."""
    pairing = lock(pairing)
    if pairing.status != S.PARTNER_DECLINED:
        raise PairingError(
            "You can propose another partner only after the last one declined."
        )
    _check_partner(partner)
    if pairing.partners.filter(partner=partner).exists():
        raise PairingError("This partner has already been asked about this pairing.")
    PairingPartner.objects.create(
        pairing=pairing, partner=partner, match_reasons=reasons[:500]
    )
    move(
        pairing,
        [S.PARTNER_DECLINED],
        S.PROPOSED,
        by=by,
        action="Another partner proposed",
        note=str(partner),
    )
    return pairing


@transaction.atomic
def invite_partner(pairing, *, by, note=""):
    """Ask the proposed partner: an email and a task in their portal. No leader contact
    details are sent; only role, organisation type, region and focus."""
    pairing = lock(pairing)
    row = pairing.partners.filter(status=P.PROPOSED).select_related("partner").first()
    if pairing.status != S.PROPOSED or row is None:
        raise PairingError("Only a proposed partner can be invited.")
    move(
        pairing,
        [S.PROPOSED],
        S.PARTNER_INVITED,
        by=by,
        action="Partner invited",
        note=note,
    )
    row.status = P.INVITED
    row.invited_at = timezone.now()
    row.save(update_fields=["status", "invited_at"])
    notify.notify(
        notifications.PARTNER_INVITED,
        row.partner,
        {"pairing": pairing, "partner": row.partner, "url": portal_url(pairing)},
        about=pairing,
    )
    return pairing


@transaction.atomic
def introduce_pairing(pairing, *, by, note=""):
    """Introduce leader and partner: the leader gets a portal account (type "leader") and
    both get each other's name and email address."""
    pairing = lock(pairing)
    if pairing.status != S.PARTNER_ACCEPTED:
        raise PairingError(
            REFUSED.get(pairing.status)
            or "A pairing can be introduced only after the partner has accepted."
        )
    enquiry = pairing.enquiry
    if enquiry is None or enquiry.anonymised_at:
        raise PairingError("The enquiry's contact details are no longer held.")
    leader = ensure_leader_account(enquiry)
    row = pairing.partners.select_related("partner").get(status=P.ACCEPTED)
    move(
        pairing,
        [S.PARTNER_ACCEPTED],
        S.INTRODUCED,
        by=by,
        action="Introduced",
        note=note,
        leader=leader,
        introduced_at=timezone.now(),
    )
    context = {
        "pairing": pairing,
        "partner": row.partner,
        "leader": leader,
        "enquiry": enquiry,
        "url": portal_url(pairing),
        "sign_in_url": notify.absolute_url(
            reverse("account_request_login_code")
            + "?next="
            + reverse("members:pairing_detail", args=[pairing.pk])
        ),
    }
    _advance_enquiry(enquiry, "matched", by)
    notify.notify(notifications.LEADER_INTRODUCED, leader, context, about=pairing)
    notify.notify(notifications.PARTNER_INTRODUCED, row.partner, context, about=pairing)
    return pairing


def ensure_leader_account(enquiry):
    """The leader's portal account: created without a password (they sign in by emailed
    code), of member type "leader", in no group, so they get no admin or member access."""
    user = User.objects.filter(email__iexact=enquiry.email).first()
    if user is None:
        first, _, last = clean_plain_text(enquiry.full_name).partition(" ")
        user = User(email=enquiry.email, first_name=first[:150], last_name=last[:150])
        user.set_unusable_password()
        user.save()
    EmailAddress.objects.get_or_create(
        user=user,
        email=user.email,
        defaults={"verified": True, "primary": True},
    )
    MemberProfile.objects.get_or_create(
        user=user,
        defaults={
            "member_type": MemberType.LEADER,
            "region": enquiry.region,
            "organisation": enquiry.organisation,
        },
    )
    return user


# Partner consent -----------------------------------------------------------------------


def _invited_row(pairing, user):
    row = (
        PairingPartner.objects.select_for_update()
        .filter(pairing=pairing, partner=user)
        .order_by("-pk")
        .first()
    )
    if row is None:
        raise PairingError("You have not been asked about this pairing.")
    if row.status == P.ACCEPTED:
        raise PairingError("You have already accepted this pairing.")
    if row.status == P.DECLINED:
        raise PairingError(
            "You declined this pairing, so it can no longer be accepted."
        )
    if row.status != P.INVITED or pairing.status != S.PARTNER_INVITED:
        raise PairingError("This invitation is no longer open.")
    return row


@transaction.atomic
def accept_pairing(pairing, user, note=""):
    return _answer(pairing, user, accepted=True, note=note)


@transaction.atomic
def decline_pairing(pairing, user, reason=""):
    return _answer(pairing, user, accepted=False, note=clean_plain_text(reason)[:1000])


def _answer(pairing, user, *, accepted, note):
    """The invited partner's yes or no: the pairing moves, their row keeps when and why,
    and staff are told either way."""
    pairing = lock(pairing)
    row = _invited_row(pairing, user)
    now = timezone.now()
    if accepted:
        target, action, stamps = (
            S.PARTNER_ACCEPTED,
            "Partner accepted",
            {"matched_at": now},
        )
    else:
        target, action, stamps = S.PARTNER_DECLINED, "Partner declined", {}
    move(
        pairing,
        [S.PARTNER_INVITED],
        target,
        by=user,
        action=action,
        note=note,
        **stamps,
    )
    row.status = P.ACCEPTED if accepted else P.DECLINED
    row.responded_at = now
    row.decline_reason = "" if accepted else note
    row.save(update_fields=["status", "responded_at", "decline_reason"])
    _tell_staff(pairing, notifications.PARTNER_ANSWERED, {"accepted": accepted})
    return pairing


def _tell_staff(pairing, event, extra):
    notify.notify(
        event,
        roles.STAFF,
        {
            "pairing": pairing,
            "url": notify.absolute_url(
                reverse("pairings_admin:detail", args=[pairing.pk])
            ),
            **extra,
        },
        about=pairing,
    )


# Either side or staff ------------------------------------------------------------------


@transaction.atomic
def change_status(pairing, action, *, by, note=""):
    """Activate, pause, resume, complete or end early. Ending early needs a reason."""
    rule = TRANSITIONS.get(action)
    if rule is None:
        raise PairingError("That is not something a pairing can do.")
    pairing = lock(pairing)
    if pairing.status not in rule.sources:
        if action == "complete" and pairing.status not in REFUSED:
            raise PairingError("Only an active or paused pairing can be completed.")
        raise PairingError(
            REFUSED.get(pairing.status)
            or f"This pairing is {pairing.get_status_display().lower()}, "
            f"so you cannot {rule.label.lower()} now."
        )
    if rule.note_required and not clean_plain_text(note):
        raise PairingError("Give a reason for ending the pairing early.")
    extra = {}
    if rule.target in (S.COMPLETED, S.ENDED_EARLY):
        extra["ended_at"] = timezone.now()
    if rule.target == S.ENDED_EARLY:
        extra["end_reason"] = clean_plain_text(note)[:2000]
    move(
        pairing,
        rule.sources,
        rule.target,
        by=by,
        action=rule.label,
        note=note,
        **extra,
    )
    if rule.target in (S.COMPLETED, S.ENDED_EARLY):
        _ask_for_reflections(pairing)
    return pairing


def _ask_for_reflections(pairing):
    row = pairing.partners.select_related("partner").filter(status=P.ACCEPTED).first()
    people = [row.partner] if row else []
    if pairing.leader_id:
        people.append(pairing.leader)
    for person in people:
        notify.notify(
            notifications.REFLECTION_REQUEST,
            person,
            {
                "pairing": pairing,
                "person": person,
                "url": notify.absolute_url(
                    reverse("members:pairing_reflect", args=[pairing.pk])
                ),
            },
            about=pairing,
        )
