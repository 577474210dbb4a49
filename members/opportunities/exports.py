"""Interests leaving the system: the staff CSV export, the member's data download and
erasure when an account is deleted."""

import csv
import io

from django.utils import timezone

from members.opportunities.choices import InterestStatus
from members.opportunities.models import (
    ExpressionOfInterest,
    OpportunityAlert,
    OpportunityAlertSent,
)
from website import activity
from website.dataexport import ExportSection, erases
from website.spreadsheets import safe_cell

STATUS_LABELS = dict(InterestStatus.choices)


def neutralise(value):
    """A CSV cell as text, quoted where a spreadsheet would run it as a formula."""
    return safe_cell("" if value is None else str(value))


def export_interests_csv(interests, include_access_needs=False):
    """CSV of interests for staff; access needs only for holders of the special permission."""
    headers = [
        "Reference",
        "Opportunity",
        "Member",
        "Email",
        "Status",
        "Submitted",
        "Why interested",
        "Relevant experience",
        "Availability",
    ]
    if include_access_needs:
        headers.append("Access needs")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    for interest in interests:
        row = [
            interest.pk,
            interest.opportunity.title,
            interest.member.display_name,
            interest.member.email,
            interest.get_status_display(),
            timezone.localtime(interest.created_at).strftime("%Y-%m-%d %H:%M"),
            interest.why_interested,
            interest.experience,
            interest.availability,
        ]
        if include_access_needs:
            row.append(interest.access_needs)
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()


def export_interests_section(user):
    """Member data download: every interest with the history the member sees (two queries)."""
    interests = list(
        ExpressionOfInterest.objects.filter(member=user)
        .select_related("opportunity")
        .order_by("created_at")
    )
    if not interests:
        return None
    history = {}
    lines = activity.for_records(ExpressionOfInterest, [i.pk for i in interests])
    for line in lines.filter(visibility=activity.PARTICIPANTS).order_by(
        "created_at", "pk"
    ):
        history.setdefault(line.object_id, []).append(
            {
                "status": STATUS_LABELS.get(line.to_state, line.to_state),
                "at": line.created_at,
            }
        )
    return ExportSection(
        key="expressions_of_interest",
        title="Expressions of interest",
        order=40,
        records=[
            {
                "opportunity": i.opportunity.title,
                "status": i.get_status_display(),
                "submitted_at": i.created_at,
                "why_interested": i.why_interested,
                "relevant_experience": i.experience,
                "availability": i.availability,
                "access_needs_shared": i.access_needs,
                "history": history.get(i.pk, []),
            }
            for i in interests
        ],
    )


def export_alerts_section(user):
    alert = (
        OpportunityAlert.objects.filter(member=user).prefetch_related("regions").first()
    )
    if alert is None:
        return None
    return ExportSection(
        key="opportunity_alerts",
        title="Opportunity alerts",
        order=41,
        records=[
            {
                "frequency": alert.get_frequency_display(),
                "types": alert.types,
                "regions": [r.name for r in alert.regions.all()],
                "updated_at": alert.updated_at,
            }
        ],
    )


def export_alerts_sent_section(user):
    """Which opportunities alert emails told the member about, and when (one query)."""
    rows = (
        OpportunityAlertSent.objects.filter(member=user)
        .order_by("sent_at", "pk")
        .values("opportunity__title", "sent_at")
    )
    records = [
        {"opportunity": row["opportunity__title"], "emailed_at": row["sent_at"]}
        for row in rows
    ]
    if not records:
        return None
    return ExportSection(
        key="opportunity_alerts_sent",
        title="Opportunities we emailed you about",
        order=42,
        records=records,
    )


UNREVIEWED = [
    InterestStatus.SUBMITTED,
    InterestStatus.WITHDRAWN,
    InterestStatus.WAITING_LIST,
]


@erases("members.ExpressionOfInterest", "members.OpportunityAlert")
def erase_member_data(user):
    """Account deletion: drop unreviewed interests and alerts; blank what staff reviewed.

    Reviewed interests keep their row (places and history depend on it) but lose every
    personal answer, including access needs and staff notes about the person.
    """
    unreviewed = ExpressionOfInterest.objects.filter(member=user, status__in=UNREVIEWED)
    # History lines point at their record generically, so they go with it explicitly.
    activity.for_records(
        ExpressionOfInterest, unreviewed.values_list("pk", flat=True)
    ).delete()
    unreviewed.delete()
    ExpressionOfInterest.objects.filter(member=user).update(
        why_interested="",
        experience="",
        availability="",
        access_needs="",
        internal_notes="",
    )
    OpportunityAlert.objects.filter(member=user).delete()
    OpportunityAlertSent.objects.filter(member=user).delete()
    # The reviewed interests' history keeps what happened but no longer names the member.
    activity.erase_actor(user)
