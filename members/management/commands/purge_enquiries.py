"""Anonymise closed enquiries past ENQUIRY_RETENTION_DAYS and delete old quarantined spam.

Safe to run daily from cron: already-anonymised enquiries are skipped, so a second run changes
nothing. Use --dry-run to see what would happen.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from members.enquiries.services import anonymise_enquiry, enquiries_due_for_purge


class Command(BaseCommand):
    help = (
        "Anonymise closed enquiries older than ENQUIRY_RETENTION_DAYS (default 730) and "
        "delete suspected spam older than 30 days."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Report what would be anonymised or deleted, and change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        closed, spam = enquiries_due_for_purge()
        days = getattr(settings, "ENQUIRY_RETENTION_DAYS", 730)
        closed_count, spam_count = closed.count(), spam.count()
        if dry_run:
            self.stdout.write(
                f"Dry run: would anonymise {closed_count} closed enquir"
                f"{'y' if closed_count == 1 else 'ies'} older than {days} days and delete "
                f"{spam_count} suspected spam."
            )
            for reference in closed.values_list("reference", flat=True):
                self.stdout.write(f"  would anonymise {reference}")
            return
        for enquiry in closed.iterator():
            anonymise_enquiry(enquiry)
        spam.delete()
        self.stdout.write(
            f"Anonymised {closed_count} closed enquir"
            f"{'y' if closed_count == 1 else 'ies'} older than {days} days; deleted "
            f"{spam_count} suspected spam."
        )
