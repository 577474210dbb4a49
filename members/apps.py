from django.apps import AppConfig


class MembersConfig(AppConfig):
    """Accounts, the member portal, enquiries and opportunities."""

    name = "members"
    verbose_name = "Members"
    default_auto_field = "django.db.models.BigAutoField"
