from django.apps import AppConfig


class MembersConfig(AppConfig):
    """Accounts, the member portal, enquiries and opportunities."""

    name = "members"
    verbose_name = "Members"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from members.accounts.inactivity import clear_inactivity_warning

        user_logged_in.connect(
            clear_inactivity_warning, dispatch_uid="members_clear_inactivity_warning"
        )
        from website import audit

        audit.connect()  # the audit trail's receivers (DP-8)

        from django.db.models.signals import post_delete

        from members.enquiries.models import Enquiry

        post_delete.connect(
            audit.on_enquiry_deleted,
            sender=Enquiry,
            dispatch_uid="audit_enquiry_deleted",
        )

        # The listing registers the opportunity pages' context providers; alerts go out
        # when an opportunity is published.
        from members.opportunities import alerts, listing  # noqa: F401

        alerts.connect()

        # Texts (when on) go to the mobile number on the profile of members who asked.
        from members.accounts.notifications import text_number
        from website import sms

        sms.set_number_lookup(text_number)

        # A learning set organises its sessions (events): its facilitators mark who came,
        # and only they, not the leaders, are paid for coming.
        from members.events import owners
        from members.learning.event_owner import LearningSetOwner

        owners.register(LearningSetOwner())
