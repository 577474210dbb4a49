"""Put failed background tasks back in the queue (website/background.py); run it from cron."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from website import background


class Command(BaseCommand):
    help = (
        "Re-queue failed background tasks first queued in the last --days that have run "
        "fewer than --max-attempts times. Idempotent: a second run finds nothing to do."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=background.RETRY_DAYS,
            help="Only tasks first queued this many days ago or since (default %(default)s).",
        )
        parser.add_argument(
            "--max-attempts",
            type=int,
            default=background.MAX_ATTEMPTS,
            help="Leave a task failed once it has run this many times (default %(default)s).",
        )

    def handle(self, *args, days, max_attempts, **options):
        requeued, given_up = background.retry_failed(
            timezone.now(), days=days, max_attempts=max_attempts
        )
        tasks = "task" if requeued == 1 else "tasks"
        self.stdout.write(
            f"Re-queued {requeued} failed {tasks}; {given_up} gave up after "
            f"{max_attempts} attempts (see Background tasks in the admin)."
        )
