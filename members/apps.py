from django.apps import AppConfig


class MembersConfig(AppConfig):
    """Accounts, the member portal, enquiries and opportunities."""

    name = "members"
    verbose_name = "Members"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from members.services.inactivity import clear_inactivity_warning

        user_logged_in.connect(
            clear_inactivity_warning, dispatch_uid="members_clear_inactivity_warning"
        )
        from members import audit

        audit.connect()  # the audit trail's receivers (DP-8)
