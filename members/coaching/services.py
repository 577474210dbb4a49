"""Pairing lifecycle: each step validates, saves under a row lock, records who/when/why, then
queues its email in the same transaction (django-post-office).

A refused step raises `PairingError` with a message for people and changes nothing. Status
changes are also compare-and-swap updates (`filter(status=expected).update(...)`), so two
clicks at once cannot both succeed even on a database without row locks.
"""

from dataclasses import dataclass
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from members.accounts.choices import MemberType
from members.accounts.services import clean_plain_text, queue_email, site_url
from members.coaching.models import (
    ExpenseClaim,
    Pairing,
    PairingEvent,
    PairingPartner,
    PairingSession,
    PartnerAvailability,
    Reflection,
)
from members.models import MemberProfile, User

S = Pairing.Status
P = PairingPartner.Status


class PairingError(ValueError):
    """A step that is not allowed now; the message is shown to the person who tried."""


@dataclass(frozen=True)
class Transition:
    label: str
    sources: tuple
    target: str
    participants: bool = True
    note_required: bool = False


# Steps either side (or staff) may take from the portal or the admin.
TRANSITIONS = {
    "activate": Transition("Mark as active", (S.INTRODUCED,), S.ACTIVE),
    "pause": Transition("Pause", (S.ACTIVE,), S.PAUSED),
    "resume": Transition("Resume", (S.PAUSED,), S.ACTIVE),
    "complete": Transition("Mark as completed", (S.ACTIVE, S.PAUSED), S.COMPLETED),
    "end_early": Transition(
        "End early",
        (
            S.PROPOSED,
            S.PARTNER_INVITED,
            S.PARTNER_ACCEPTED,
            S.PARTNER_DECLINED,
            S.INTRODUCED,
            S.ACTIVE,
            S.PAUSED,
        ),
        S.ENDED_EARLY,
        note_required=True,
    ),
}

REFUSED = {
    S.COMPLETED: "This pairing has already been completed.",
    S.ENDED_EARLY: "This pairing has already ended.",
}


def _role(user, pairing):
    if user is None:
        return "system"
    if pairing.leader_id == user.pk:
        return "leader"
    if any(row.partner_id == user.pk for row in pairing.partners.all()):
        return "partner"
    return "staff"


def _lock(pairing):
    return Pairing.objects.select_for_update().get(pk=pairing.pk)


def _move(pairing, expected, target, *, by, action, note="", **fields):
    """Compare-and-swap the status; refuse if someone else moved it first."""
    now = timezone.now()
    fields = {"status": target, "status_changed_at": now, **fields}
    updated = Pairing.objects.filter(pk=pairing.pk, status__in=expected).update(
        **fields
    )
    if updated != 1:
        raise PairingError(
            REFUSED.get(pairing.status)
            or "This pairing has moved on since you opened the page. Nothing was changed."
        )
    from_status = pairing.status
    for name, value in fields.items():
        setattr(pairing, name, value)
    record_event(pairing, by, action, from_status, target, note)
    return pairing


def record_event(pairing, by, action, from_status="", to_status="", note=""):
    return PairingEvent.objects.create(
        pairing=pairing,
        actor=by,
        actor_role=_role(by, pairing),
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=clean_plain_text(note)[:2000],
    )


def portal_url(pairing):
    return site_url(reverse("members:pairing_detail", args=[pairing.pk]))


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
    pairing = _lock(pairing)
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
    _move(
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
    pairing = _lock(pairing)
    row = pairing.partners.filter(status=P.PROPOSED).select_related("partner").first()
    if pairing.status != S.PROPOSED or row is None:
        raise PairingError("Only a proposed partner can be invited.")
    _move(
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
    queue_email(
        row.partner.email,
        "pairings/partner_invited",
        {"pairing": pairing, "partner": row.partner, "url": portal_url(pairing)},
    )
    return pairing


@transaction.atomic
def introduce_pairing(pairing, *, by, note=""):
    """Introduce leader and partner: the leader gets a portal account (type "leader") and
    both get each other's name and email address."""
    pairing = _lock(pairing)
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
    _move(
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
        "sign_in_url": site_url(
            reverse("account_request_login_code")
            + "?next="
            + reverse("members:pairing_detail", args=[pairing.pk])
        ),
    }
    _advance_enquiry(enquiry, "matched", by)
    queue_email(leader.email, "pairings/leader_introduced", context)
    queue_email(row.partner.email, "pairings/partner_introduced", context)
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
    pairing = _lock(pairing)
    row = _invited_row(pairing, user)
    _move(
        pairing,
        [S.PARTNER_INVITED],
        S.PARTNER_ACCEPTED,
        by=user,
        action="Partner accepted",
        note=note,
        matched_at=timezone.now(),
    )
    row.status = P.ACCEPTED
    row.responded_at = timezone.now()
    row.save(update_fields=["status", "responded_at"])
    _tell_staff(pairing, "pairings/staff_partner_answered", {"accepted": True})
    return pairing


@transaction.atomic
def decline_pairing(pairing, user, reason=""):
    pairing = _lock(pairing)
    row = _invited_row(pairing, user)
    reason = clean_plain_text(reason)[:1000]
    _move(
        pairing,
        [S.PARTNER_INVITED],
        S.PARTNER_DECLINED,
        by=user,
        action="Partner declined",
        note=reason,
    )
    row.status = P.DECLINED
    row.responded_at = timezone.now()
    row.decline_reason = reason
    row.save(update_fields=["status", "responded_at", "decline_reason"])
    _tell_staff(pairing, "pairings/staff_partner_answered", {"accepted": False})
    return pairing


def _tell_staff(pairing, template, extra):
    from members.accounts.services import staff_emails

    recipients = staff_emails()
    if recipients:
        queue_email(
            recipients,
            template,
            {
                "pairing": pairing,
                "url": site_url(reverse("pairings_admin:detail", args=[pairing.pk])),
                **extra,
            },
        )


# Either side or staff ------------------------------------------------------------------


@transaction.atomic
def change_status(pairing, action, *, by, note=""):
    """Activate, pause, resume, complete or end early. Ending early needs a reason."""
    rule = TRANSITIONS.get(action)
    if rule is None:
        raise PairingError("That is not something a pairing can do.")
    pairing = _lock(pairing)
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
    _move(
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
        queue_email(
            person.email,
            "pairings/reflection_request",
            {
                "pairing": pairing,
                "person": person,
                "url": site_url(reverse("members:pairing_reflect", args=[pairing.pk])),
            },
        )


@transaction.atomic
def record_session(pairing, *, by, date, duration_minutes, mode):
    """Log that a session happened; the first one makes an introduced pairing active."""
    pairing = _lock(pairing)
    if pairing.status not in (S.INTRODUCED, S.ACTIVE):
        raise PairingError(
            "Sessions can be recorded only while the pairing is running."
        )
    if date > timezone.localdate():
        raise PairingError("Record a session after it has happened.")
    session = PairingSession.objects.create(
        pairing=pairing,
        date=date,
        duration_minutes=duration_minutes,
        mode=mode,
        recorded_by=by,
    )
    if pairing.status == S.INTRODUCED:
        _move(
            pairing,
            [S.INTRODUCED],
            S.ACTIVE,
            by=by,
            action="First session recorded",
        )
    else:
        record_event(pairing, by, "Session recorded", note=f"{date:%d %b %Y}")
    return session


# Money ----------------------------------------------------------------------------------


@transaction.atomic
def submit_claim(pairing, *, partner, session, claim_payment, expenses, description=""):
    """A partner's claim for one session: the staff-set payment and/or capped expenses."""
    pairing = _lock(pairing)
    if session.pairing_id != pairing.pk:
        raise PairingError("Choose one of this pairing's sessions.")
    expenses = Decimal(expenses or 0).quantize(Decimal("0.01"))
    if expenses < 0:
        raise PairingError("Expenses cannot be less than £0.00.")
    if expenses > pairing.expenses_limit:
        raise PairingError(
            f"Expenses for one session can be at most £{pairing.expenses_limit}."
        )
    payment = pairing.session_payment if claim_payment else Decimal("0")
    if payment + expenses <= 0:
        raise PairingError("Claim the session payment, some expenses, or both.")
    try:
        with transaction.atomic():
            claim = ExpenseClaim.objects.create(
                pairing=pairing,
                session=session,
                partner=partner,
                payment=payment,
                expenses=expenses,
                expenses_description=clean_plain_text(description)[:500],
            )
    except IntegrityError as error:
        raise PairingError("You have already claimed for this session.") from error
    record_event(pairing, partner, "Claim submitted", note=f"£{claim.total}")
    return claim


CLAIM_STEPS = {
    "approve": (ExpenseClaim.Status.SUBMITTED, ExpenseClaim.Status.APPROVED),
    "reject": (ExpenseClaim.Status.SUBMITTED, ExpenseClaim.Status.REJECTED),
    "pay": (ExpenseClaim.Status.APPROVED, ExpenseClaim.Status.PAID),
}


@transaction.atomic
def decide_claim(claim, step, *, by):
    """Staff move a claim submitted → approved (or not approved) → paid."""
    if step not in CLAIM_STEPS:
        raise PairingError("Unknown step.")
    source, target = CLAIM_STEPS[step]
    now = timezone.now()
    fields = {"status": target}
    if step == "pay":
        fields["paid_at"] = now
    else:
        fields.update(decided_at=now, decided_by=by)
    updated = ExpenseClaim.objects.filter(pk=claim.pk, status=source).update(**fields)
    if updated != 1:
        raise PairingError(
            f"This claim is {claim.get_status_display().lower()}; nothing was changed."
        )
    claim.refresh_from_db()
    queue_email(
        claim.partner.email,
        "pairings/claim_update",
        {"claim": claim, "url": portal_url(claim.pairing)},
    )
    return claim


# Reflections ----------------------------------------------------------------------------


@transaction.atomic
def submit_reflection(pairing, *, by, role, data):
    pairing = _lock(pairing)
    if pairing.status not in (S.COMPLETED, S.ENDED_EARLY):
        raise PairingError("Reflections open when the pairing has finished.")
    cleaned = {
        key: clean_plain_text(value) if isinstance(value, str) else value
        for key, value in data.items()
    }
    try:
        with transaction.atomic():
            reflection = Reflection.objects.create(
                pairing=pairing, author=by, role=role, **cleaned
            )
    except IntegrityError as error:
        raise PairingError(
            "You have already sent your reflection. Thank you."
        ) from error
    record_event(pairing, by, "Reflection sent")
    return reflection


# My data: export and erasure (registered in members/wagtail_hooks.py) ------------------


def export_pairings(user):
    """Pairings the person was part of, their sessions, claims and reflections."""
    from website.dataexport import ExportSection

    partner_rows = PairingPartner.objects.filter(partner=user).select_related("pairing")
    led = Pairing.objects.filter(leader=user)
    records = [
        {
            "pairing": row.pairing.reference,
            "your_role": "Lived Experience Partner",
            "your_answer": row.get_status_display(),
            "asked": row.proposed_at,
            "answered": row.responded_at,
            "reason_you_gave": row.decline_reason,
            "status": row.pairing.get_status_display(),
        }
        for row in partner_rows
    ] + [
        {
            "pairing": pairing.reference,
            "your_role": "Leader",
            "what_you_wanted_to_work_on": pairing.focus,
            "status": pairing.get_status_display(),
            "introduced": pairing.introduced_at,
        }
        for pairing in led
    ]
    if not records:
        return None
    return ExportSection(
        key="pairings",
        title="Coaching and mentoring pairings",
        order=60,
        records=records,
    )


def export_sessions(user):
    from django.db.models import Q

    from website.dataexport import ExportSection

    rows = PairingSession.objects.filter(
        Q(pairing__leader=user) | Q(pairing__partners__partner=user)
    ).distinct()
    records = [
        {
            "pairing": f"PAIR-{session.pairing_id:05d}",
            "date": session.date,
            "minutes": session.duration_minutes,
            "how": session.get_mode_display(),
            "recorded_by_you": session.recorded_by_id == user.pk,
        }
        for session in rows
    ]
    if not records:
        return None
    return ExportSection(
        key="pairing_sessions", title="Sessions", order=61, records=records
    )


def export_claims(user):
    from website.dataexport import ExportSection

    records = [
        {
            "pairing": f"PAIR-{row['pairing_id']:05d}",
            "session_date": row["session__date"],
            "payment": row["payment"],
            "expenses": row["expenses"],
            "expenses_were_for": row["expenses_description"],
            "status": row["status"],
            "submitted": row["submitted_at"],
            "paid": row["paid_at"],
        }
        for row in ExpenseClaim.objects.filter(partner=user).values(
            "pairing_id",
            "session__date",
            "payment",
            "expenses",
            "expenses_description",
            "status",
            "submitted_at",
            "paid_at",
        )
    ]
    if not records:
        return None
    return ExportSection(
        key="expense_claims",
        title="Payment and expense claims",
        order=62,
        records=records,
    )


def export_reflections(user):
    from website.dataexport import ExportSection

    records = list(
        Reflection.objects.filter(author=user).values(
            "what_changed",
            "what_helped",
            "would_recommend",
            "anything_else",
            "quote_consent",
            "created_at",
        )
    )
    if not records:
        return None
    return ExportSection(
        key="reflections", title="Your reflections", order=63, records=records
    )


def export_availability(user):
    """A partner's agreed capacity and the kinds of enquiry they know well (one query)."""
    from members.enquiries.models import EnquiryType
    from website.dataexport import ExportSection

    availability = PartnerAvailability.objects.filter(user=user).first()
    if availability is None:
        return None
    labels = dict(EnquiryType.choices)
    return ExportSection(
        key="partner_availability",
        title="Your availability for pairings",
        order=59,
        records=[
            {
                "pairings_at_once": availability.capacity,
                "accepting_new_pairings": availability.accepting,
                "unavailable_until": availability.unavailable_until,
                "what_you_can_help_with": [
                    labels.get(code, code) for code in availability.experience_areas
                ],
                "updated_at": availability.updated_at,
            }
        ],
    )


def erase_pairings(user):
    """Blank what the person wrote; keep dates, counts and money that finance and figures
    rely on, attached to the anonymised account."""
    PairingPartner.objects.filter(partner=user).update(decline_reason="")
    Reflection.objects.filter(author=user).update(
        what_changed="",
        what_helped="",
        anything_else="",
        quote_consent=False,
    )
    ExpenseClaim.objects.filter(partner=user).update(expenses_description="")
    PairingEvent.objects.filter(actor=user).update(note="")
    Pairing.objects.filter(leader=user).update(focus="Removed at the leader's request")
