"""Enforce the retention periods in website/datamap.py (security checklist DP-6).

Run daily from cron, after the outbox worker. Every step is idempotent: a second run finds
nothing left to do. Each app's own purge command is called rather than re-implemented, and
the steps for records the core does not own are registered by the app that owns them
(website/retention.py; members/opportunities/retention.py, members/accounts/retention.py):

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
- sent mail: post_office's ``cleanup_mail`` after OUTBOX_RETENTION_DAYS (90), and text
  messages (website.sms) after the same;
- background tasks (website.background): done ones after 7 days, failed ones after 30.

Rate-limit and lockout counters need no step: they live in the shared cache under hashed
keys with their own expiry (Redis drops them; the database cache stops returning them and
culls them), so they never outlast their window by design.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from website import outbox, retention, sms


class Command(BaseCommand):
    help = "Delete or anonymise personal data past its retention period (idempotent)."

    def handle(self, *args, **options):
        now = timezone.now()
        call_command("purge_enquiries", stdout=self.stdout)
        done = retention.run_steps(now)
        call_command("clearsessions")
        scrubbed = outbox.scrub_expired_one_time_mail(now)
        outbox_days = getattr(settings, "OUTBOX_RETENTION_DAYS", 90)
        call_command("cleanup_mail", days=outbox_days, verbosity=0)
        texts = sms.purge(now - timedelta(days=outbox_days))
        done += [
            f"blanked {scrubbed} expired sign-in codes and links in the outbox",
            f"cleared expired sessions and mail older than {outbox_days} days",
            f"deleted {texts} text messages older than {outbox_days} days",
        ]
        summary = ", ".join(done)
        self.stdout.write(f"{summary[0].upper()}{summary[1:]}.")
