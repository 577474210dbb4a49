"""A person's pairings in their member-data export, and what erasure blanks
(both registered in members/coaching/wagtail_hooks.py)."""

from django.contrib.contenttypes.models import ContentType

from members.coaching.models import (
    Pairing,
    PairingPartner,
    PairingSession,
    PartnerAvailability,
    Reflection,
)
from website.dataexport import erases
from website.models import Activity


def export_pairings(user):
    """Pairings the person was part of, their sessions and reflections (claims are in
    payments' own section)."""
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


def export_reflections(user):
    from website.dataexport import ExportSection

    records = list(
        Reflection.objects.filter(author=user).values(
            "what_changed",
            "what_helped",
            "would_recommend",
            "anything_else",
            "quote_consent",
            "shared_with_other_side",
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


@erases(
    "members.Pairing",
    "members.PairingPartner",
    "members.Reflection",
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
        shared_with_other_side=False,
    )
    # Their lines in pairings' history keep what happened, not what they wrote or their name.
    Activity.objects.filter(
        content_type=ContentType.objects.get_for_model(Pairing), actor=user
    ).update(note="", actor_name="")
    Pairing.objects.filter(leader=user).update(
        focus="Removed at the leader's request", leader_role="", end_reason=""
    )
