from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    """The project package, installed so it can hold site-wide commands, views and checks."""

    name = "website"
    verbose_name = "Website"

    def ready(self):
        from website import devmail
        from website.cache import connect_signals

        connect_signals()
        devmail.connect()
        # Connects the sign-in receiver that starts the session clocks (SE-3).
        import website.session_limits  # noqa: F401
