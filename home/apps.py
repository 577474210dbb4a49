from django.apps import AppConfig


class HomeConfig(AppConfig):
    """Editorial pages, shared blocks, snippets and site settings."""

    name = "home"
    verbose_name = "Site content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import signals  # noqa: F401 - connects the menu cache invalidation
