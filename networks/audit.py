"""Co-chair appointments in the audit trail (security checklist DP-8; members/audit.py).

Staff appoint co-chairs and end their terms in the admin (Networks → Co-chairs); erasure and
page deletion remove terms. Receivers on the model catch every path, and the actor comes
from the admin's log context (none for the system).
"""

from django.db.models.signals import post_delete, post_save, pre_save

from networks.models import NetworkCoChair
from website.audit import record

ACTIONS = {
    "networks.cochair_appointed": ("Appoint co-chair", "Co-chair appointed"),
    "networks.cochair_term_ended": ("End co-chair term", "Co-chair term end set"),
    "networks.cochair_removed": ("Remove co-chair", "Co-chair term deleted"),
}


def register_log_actions(actions):
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)


def remember_term_end(sender, instance, **kwargs):
    instance._audit_old_term_end = (
        NetworkCoChair.objects.filter(pk=instance.pk)
        .values_list("term_end", flat=True)
        .first()
        if instance.pk
        else None
    )


def on_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    data = {"network": instance.network_id, "term_end": instance.term_end}
    if created:
        record(instance, "networks.cochair_appointed", data=data)
    elif instance.term_end and instance.term_end != getattr(
        instance, "_audit_old_term_end", None
    ):
        record(instance, "networks.cochair_term_ended", data=data)


def on_deleted(sender, instance, **kwargs):
    record(instance, "networks.cochair_removed", data={"network": instance.network_id})


def connect():
    """Called once from NetworksConfig.ready."""
    pre_save.connect(
        remember_term_end, sender=NetworkCoChair, dispatch_uid="audit_cochair_pre"
    )
    post_save.connect(on_saved, sender=NetworkCoChair, dispatch_uid="audit_cochair")
    post_delete.connect(
        on_deleted, sender=NetworkCoChair, dispatch_uid="audit_cochair_deleted"
    )
