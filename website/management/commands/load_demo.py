"""Build the demo site: idempotent, so running it twice leaves the same result."""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from website import background


def demo_loaders():
    """Each installed app's `demo.load`, in INSTALLED_APPS order: an app's demo content may
    build on the apps listed before it (members' pages sit under home's), and the core
    cannot name the apps above it, so it finds them instead."""
    loaders = []
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "demo"):
            module = import_module(f"{config.name}.demo")
            if callable(getattr(module, "load", None)):
                loaders.append(module.load)
    return loaders


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
            for load in demo_loaders():
                load()
        # Where tasks are queued (production settings, `make bench`), index the demo now.
        background.run_queued_tasks()
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
