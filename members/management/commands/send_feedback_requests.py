"""Email the feedback form to the people who came to an event that has one, once, after
the event (members/feedback/after_events.py). Run it hourly from cron, beside
`send_event_reminders`; running it twice, or two copies at once, asks nobody twice."""

from django.core.management.base import BaseCommand

from members.feedback.after_events import send_due


class Command(BaseCommand):
    help = "Email feedback forms to the people who came to events that have ended."

    def handle(self, *args, **options):
        self.stdout.write(f"Queued {send_due()} feedback request(s).")
