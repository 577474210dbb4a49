"""Queue the event reminders that are due (members/events/reminders.py), and pass on the
waiting-list offers nobody confirmed in time (members/events/services.py).

Run it hourly from cron. Every reminder is recorded before its email is queued, so running
it twice, or two copies at once, never reminds anyone twice; an offer is let go with its
event locked, so it is never passed on twice either.
"""

from django.core.management.base import BaseCommand

from members.events.reminders import send_due
from members.events.services import lapse_expired_offers


class Command(BaseCommand):
    help = (
        "Queue the event reminders that are due and pass on expired waiting-list "
        "offers (run hourly)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Queued {send_due()} event reminder(s).")
        self.stdout.write(
            f"Passed on {lapse_expired_offers()} unconfirmed waiting-list offer(s)."
        )
