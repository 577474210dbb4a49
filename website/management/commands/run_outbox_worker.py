"""Deliver the outbox (email, and texts when they are on) in a loop: the production worker
process beside gunicorn."""

import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from post_office.lockfile import FileLock, FileLocked, default_lockfile
from post_office.mail import get_queued, send_queued

from website import sms


class Command(BaseCommand):
    help = (
        "Send queued email every few seconds until stopped. post_office retries failures "
        "(MAX_RETRIES, RETRY_INTERVAL); a cron line running `send_queued_mail` works too."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=5.0, help="Seconds between runs."
        )
        parser.add_argument(
            "--once", action="store_true", help="Run one pass and stop."
        )

    def handle(self, *args, interval=5.0, once=False, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        while self.running:
            try:
                self.deliver()
            except Exception as exc:  # keep the worker alive; the next pass retries
                self.stderr.write(f"Outbox pass failed: {exc}")
            if once:
                break
            time.sleep(interval)
            # A long-lived worker must drop connections the database closed meanwhile.
            close_old_connections()

    def deliver(self):
        """One pass: send everything due. The lock keeps two workers off the same mail."""
        try:
            with FileLock(getattr(settings, "OUTBOX_LOCK_FILE", default_lockfile)):
                while True:
                    sent, failed, requeued = send_queued(processes=1)
                    if not (sent or failed or requeued) or not get_queued().exists():
                        break
                sms.deliver()
        except FileLocked:
            self.stdout.write(
                "Another worker holds the outbox lock; skipping this pass."
            )

    def stop(self, *args):
        self.running = False
