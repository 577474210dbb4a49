"""Queue the weekly email of new network updates for members who chose a weekly summary.

Run it once a week from cron, beside the outbox worker that delivers the mail, e.g.::

    # Mondays at 07:00 UK time
    0 7 * * 1  cd /srv/voices && .venv/bin/python manage.py send_network_digests

Safe to run twice: each membership remembers when its last summary covered.
"""

from django.core.management.base import BaseCommand

from networks.services.digests import send_weekly_digests


class Command(BaseCommand):
    help = "Queue weekly summaries of network updates (cron: 0 7 * * 1)."

    def handle(self, *args, **options):
        sent = send_weekly_digests()
        self.stdout.write(
            f"Queued {sent} weekly network summar{'y' if sent == 1 else 'ies'}."
        )
