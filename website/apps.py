from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    """The project package, installed so it can hold site-wide commands, views and checks."""

    name = "website"
    verbose_name = "Website"

    def ready(self):
        from website.cache import connect_signals

        connect_signals()
