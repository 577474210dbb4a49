"""Queue opportunity alert emails: immediate ones missed at publish time, and weekly digests.

Run it from cron, e.g. hourly, and with --weekly once a week (Monday morning). Every alert is
recorded before it is queued, so running it twice never emails anyone twice.
"""

from django.core.management.base import BaseCommand

from members.opportunities.alerts import (
    queue_all_immediate_alerts,
    queue_weekly_digests,
)


class Command(BaseCommand):
    help = "Queue opportunity alerts (immediate catch-up; --weekly for the digest)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--weekly",
            action="store_true",
            help="Also send the weekly digest to members who chose it.",
        )

    def handle(self, *args, weekly=False, **options):
        immediate = queue_all_immediate_alerts()
        digests = queue_weekly_digests() if weekly else 0
        self.stdout.write(
            f"Queued {immediate} immediate alert(s) and {digests} weekly digest(s)."
        )
