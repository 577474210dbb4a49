"""Retention for invitations, applications and long-unused accounts (DP-6)."""

from django.db import transaction

from members.accounts import inactivity
from members.accounts.invitations import Application, Invitation
from website import retention


@retention.step("deleted {count} expired invitations", order=20)
def purge_invitations(now):
    """Invitations never accepted: deleted INVITATION_RETENTION_DAYS after they expired."""
    due = Invitation.objects.filter(
        accepted_at__isnull=True,
        expires_at__lt=now - retention.days("INVITATION_RETENTION_DAYS", 90),
    )
    return due.delete()[0]


@retention.step("anonymised {count} decided applications", order=30)
@transaction.atomic
def purge_applications(now):
    """Decided applications: the applicant's details replaced after a year; the row stays
    so the count of applications and their outcomes is kept."""
    due = Application.objects.filter(
        decided_at__lt=now - retention.days("APPLICATION_RETENTION_DAYS", 365)
    ).exclude(email__endswith="@invalid")
    count = 0
    for application in due.only("pk"):
        Application.objects.filter(pk=application.pk).update(
            name="Former applicant",
            email=f"expired-{application.pk}@invalid",
            organisation="",
            reason="",
        )
        count += 1
    return count


# Warned before erased in the report, as the summary has always read. Running the warning
# first changes nothing: it picks accounts never warned, erasure only ones warned 30 days ago.
retention.step("warned {count} inactive accounts", order=40)(
    inactivity.warn_inactive_accounts
)
retention.step("erased {count} inactive accounts", order=50)(
    inactivity.erase_warned_accounts
)
