from django.apps import AppConfig


class NetworksConfig(AppConfig):
    """Regional co-production networks: pages, co-chairs, membership, updates and meetings."""

    name = "networks"
    verbose_name = "Networks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from networks import audit

        audit.connect()  # co-chair appointments in the audit trail (DP-8)
