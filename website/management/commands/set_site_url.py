"""Point the default Wagtail Site at the site's public address (SITE_URL, or the one given).

Wagtail builds full page URLs from the Site record, so an existing site whose record still
says localhost needs this once after its address is set or changes.
"""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from website import site_url


class Command(BaseCommand):
    help = (
        "Set the default Site's hostname and port from SITE_URL (or the address given)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "url", nargs="?", help="e.g. https://voices.example.org (default: SITE_URL)"
        )

    def handle(self, *args, url=None, **options):
        try:
            site_url.host_and_port(url)
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from None
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default Site yet; run migrate first.")
        changed = site_url.apply_to_site(site, url)
        message = "updated to" if changed else "already at"
        self.stdout.write(self.style.SUCCESS(f"Default site {message} {site.root_url}"))
