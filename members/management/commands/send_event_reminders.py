"""Queue the event reminders that are due (members/events/reminders.py).

Run it hourly from cron. Every reminder is recorded before its email is queued, so running
it twice, or two copies at once, never reminds anyone twice.
"""

from django.core.management.base import BaseCommand

from members.events.reminders import send_due


class Command(BaseCommand):
    help = "Queue the event reminders that are due (run hourly)."

    def handle(self, *args, **options):
        self.stdout.write(f"Queued {send_due()} event reminder(s).")
