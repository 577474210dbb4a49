"""Build the demo site: idempotent, so running it twice leaves the same result."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home import demo as home_demo
from members import demo as members_demo
from networks import demo as networks_demo


class Command(BaseCommand):
    help = "Create or update the demo site, its content and the demo accounts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Allow running under production settings (it creates accounts with a known password).",
        )

    def handle(self, *args, force=False, **options):
        if settings.SETTINGS_MODULE.endswith(".production") and not force:
            raise CommandError(
                "load_demo creates accounts with a shared password, so it refuses to run with "
                "production settings. Add --force if you really mean it."
            )
        with transaction.atomic():
            home_demo.load()
            members_demo.load()
            networks_demo.load()
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
