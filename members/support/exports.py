"""A partner's training record and debrief requests in their data download, and erasure.

Both belong to the partner alone, and nothing else relies on them, so erasing the account
deletes them. The download leaves out who in the staff handled a request or recorded a
completion (other people's names)."""

from django.db import transaction

from members.support.models import DebriefRequest, TrainingCompletion
from website.dataexport import ExportSection, erases


def export_training(user):
    rows = (
        TrainingCompletion.objects.filter(partner=user)
        .order_by("-completed_on", "-pk")
        .values("course__name", "course__provider", "completed_on", "expires_on")
    )
    records = [
        {
            "course": row["course__name"],
            "provider": row["course__provider"],
            "completed_on": row["completed_on"],
            "valid_until": row["expires_on"],
        }
        for row in rows
    ]
    if not records:
        return None
    return ExportSection(
        key="training",
        title="Training",
        order=66,
        records=records,
        description="The training courses we recorded that you completed.",
    )


def export_debriefs(user):
    rows = (
        DebriefRequest.objects.filter(partner=user)
        .order_by("-created_at", "-pk")
        .values(
            "created_at",
            "coaching_session__date",
            "event__title",
            "contact_by",
            "note",
            "status",
            "handled_at",
        )
    )
    contact = dict(DebriefRequest.Contact.choices)
    status = dict(DebriefRequest.Status.choices)
    records = [
        {
            "asked_at": row["created_at"],
            "after_coaching_session_on": row["coaching_session__date"],
            "after_event": row["event__title"] or "",
            "contact_by": contact.get(row["contact_by"], row["contact_by"]),
            "note": row["note"],
            "status": status.get(row["status"], row["status"]),
            "last_changed_at": row["handled_at"],
        }
        for row in rows
    ]
    if not records:
        return None
    return ExportSection(
        key="debrief_requests",
        title="Debrief requests",
        order=67,
        records=records,
        description="The debriefs you asked for after sessions, and where each one is.",
    )


@erases("members.TrainingCompletion", "members.DebriefRequest")
@transaction.atomic
def erase_support(user):
    TrainingCompletion.objects.filter(partner=user).delete()
    DebriefRequest.objects.filter(partner=user).delete()
