"""Enforce the retention periods in website/datamap.py (security checklist DP-6).

Run daily from cron, after the outbox worker. Every step is idempotent: a second run finds
nothing left to do. Each app's own purge command is called rather than re-implemented:

- enquiries: ``purge_enquiries`` (closed ones anonymised after ENQUIRY_RETENTION_DAYS,
  quarantined spam deleted after 30 days);
- expressions of interest withdrawn, declined or not selected: free text cleared after
  INTEREST_RETENTION_DAYS (365);
- invitations never accepted: deleted INVITATION_RETENTION_DAYS (90) after they expired;
- decided applications: anonymised after APPLICATION_RETENTION_DAYS (365);
- inactive accounts: members with no sign-in for INACTIVE_ACCOUNT_MONTHS (24) get one
  warning email; 30 days later, still unused, they are erased by the same service as
  "Delete my account" (members.accounts.inactivity; staff, editors and superusers excepted);
- one-time sign-in codes, password-reset and confirmation links in the outbox: bodies blanked
  once the code or link has expired (website.outbox; the delivery record stays);
- sessions: ``clearsessions``;
- sent mail: post_office's ``cleanup_mail`` after OUTBOX_RETENTION_DAYS (90).

Rate-limit and lockout counters need no step: they live in the shared cache under hashed
keys with their own expiry (Redis drops them; the database cache stops returning them and
culls them), so they never outlast their window by design.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from website import outbox


def days(name, default):
    return timedelta(days=getattr(settings, name, default))


def purge_interests(now):
    from members.models import ExpressionOfInterest
    from members.opportunities.choices import InterestStatus

    closed = (
        InterestStatus.WITHDRAWN,
        InterestStatus.DECLINED,
        InterestStatus.NOT_SELECTED,
    )
    due = ExpressionOfInterest.objects.filter(
        status__in=closed, updated_at__lt=now - days("INTEREST_RETENTION_DAYS", 365)
    ).exclude(
        why_interested="",
        experience="",
        availability="",
        access_needs="",
        internal_notes="",
    )
    # QuerySet.update keeps updated_at as it was, so the row is not "new" again.
    return due.update(
        why_interested="",
        experience="",
        availability="",
        access_needs="",
        internal_notes="",
    )


def purge_invitations(now):
    from members.models import Invitation

    due = Invitation.objects.filter(
        accepted_at__isnull=True,
        expires_at__lt=now - days("INVITATION_RETENTION_DAYS", 90),
    )
    return due.delete()[0]


def purge_applications(now):
    from members.accounts.invitations import Application

    due = Application.objects.filter(
        decided_at__lt=now - days("APPLICATION_RETENTION_DAYS", 365)
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


class Command(BaseCommand):
    help = "Delete or anonymise personal data past its retention period (idempotent)."

    def handle(self, *args, **options):
        from members.accounts.inactivity import warn_and_erase_inactive_accounts

        now = timezone.now()
        call_command("purge_enquiries", stdout=self.stdout)
        with transaction.atomic():
            interests = purge_interests(now)
            invitations = purge_invitations(now)
            applications = purge_applications(now)
        warned, erased = warn_and_erase_inactive_accounts(now)
        call_command("clearsessions")
        scrubbed = outbox.scrub_expired_one_time_mail(now)
        outbox_days = getattr(settings, "OUTBOX_RETENTION_DAYS", 90)
        call_command("cleanup_mail", days=outbox_days, verbosity=0)
        self.stdout.write(
            f"Cleared {interests} closed expressions of interest, deleted {invitations} "
            f"expired invitations, anonymised {applications} decided applications, "
            f"warned {warned} inactive accounts, erased {erased} inactive accounts, "
            f"blanked {scrubbed} expired sign-in codes and links in the outbox, "
            f"cleared expired sessions and mail older than {outbox_days} days."
        )
