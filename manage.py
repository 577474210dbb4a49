#!/usr/bin/env python
"""Django's command-line utility for Voices."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")
    for index, arg in enumerate(sys.argv):
        # Honour --settings before the early configuration check below reads settings.
        if arg.startswith("--settings="):
            os.environ["DJANGO_SETTINGS_MODULE"] = arg.split("=", 1)[1]
        elif arg == "--settings" and index + 1 < len(sys.argv):
            os.environ["DJANGO_SETTINGS_MODULE"] = sys.argv[index + 1]
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        from django.conf import settings

        settings.INSTALLED_APPS  # noqa: B018 - load settings now to report bad config in one line
    except ImproperlyConfigured as exc:
        sys.exit(f"Configuration error: {exc}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
