from django.apps import AppConfig


class NetworksConfig(AppConfig):
    """Regional co-production networks: pages, co-chairs, membership, updates and meetings."""

    name = "networks"
    verbose_name = "Networks"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from members.events import owners
        from networks import audit
        from networks.event_owner import NetworkOwner

        audit.connect()  # co-chair appointments in the audit trail (DP-8)
        owners.register(NetworkOwner())  # a network's meetings are its events
