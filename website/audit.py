"""The audit trail (security checklist DP-8), kept in Wagtail's own log (`ModelLogEntry`).

Staff read it under Reports → Site history in the admin, filtered by action; it needs no
table of its own. Every entry says who (``user``, the actor; none for the system or an
unknown visitor), what (``action``, on which object) and when (``timestamp``, stored in UTC),
and never the data itself:

- labels are neutral ("Account 42", "Member profile 7", an enquiry's reference), so an entry
  outlives the person's name and email and erasure leaves nothing to find;
- ``data`` carries only non-personal facts: a method ("totp"), a group name, a row count,
  a consent version. No email addresses, no special-category values, no passwords.

Receivers for sign-in, failed sign-in, two-step changes and group membership live here and
are connected once from ``MembersConfig.ready``; services and views call `record` for the
rest (special-category views and exports, consent, exports, erasure, enquiry deletion).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import m2m_changed
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from website import retention

# action -> (what staff do, what the entry says); registered by `register_log_actions`.
ACTIONS = {
    "members.signed_in": ("Sign in", "Signed in"),
    "members.sign_in_failed": ("Fail to sign in", "Sign-in failed"),
    "members.mfa_added": ("Add two-step method", "Two-step verification method added"),
    "members.mfa_removed": (
        "Remove two-step method",
        "Two-step verification method removed",
    ),
    "members.mfa_reset": (
        "Reset someone's two-step sign-in",
        "Two-step verification reset by staff",
    ),
    "members.recovery_codes_regenerated": (
        "Regenerate recovery codes",
        "Recovery codes regenerated",
    ),
    "members.group_added": ("Add to group", "Added to a group"),
    "members.group_removed": ("Remove from group", "Removed from a group"),
    "members.special_category_consented": (
        "Give consent",
        "Private information consent given",
    ),
    "members.special_category_exported": (
        "Export private information",
        "Private information exported",
    ),
    "members.enquiries_exported": ("Export enquiries", "Enquiries exported"),
    "members.members_exported": ("Export the member list", "Member list exported"),
    "members.interests_exported": (
        "Export expressions of interest",
        "Expressions of interest exported",
    ),
    "members.enquiry_anonymised": ("Anonymise enquiry", "Enquiry anonymised"),
    "members.enquiry_deleted": ("Delete enquiry", "Enquiry deleted"),
    "members.account_erased": ("Delete account", "Account deleted"),
}

UNKNOWN_ACCOUNT = "Unknown account"
# The object id of entries about a sign-in attempt for an address with no account: no row
# ever has primary key 0, and the address itself is not kept in any form.
UNKNOWN_ACCOUNT_ID = 0


def register_log_actions(actions):
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)


def label_for(instance):
    """A label that names no one: the model and its id (an enquiry's reference)."""
    if isinstance(instance, get_user_model()):
        if instance.pk == UNKNOWN_ACCOUNT_ID:
            return UNKNOWN_ACCOUNT
        return f"Account {instance.pk}"
    reference = getattr(instance, "reference", "")
    if reference:
        return str(reference)
    return f"{str(instance._meta.verbose_name).capitalize()} {instance.pk}"


def record(instance, action, *, user=None, data=None):
    """One audit entry about `instance`. `user` is who acted; left out, the admin's active
    log context (the signed-in staff member) is used, or none for the system."""
    return log(instance, action, user=user, data=data or {}, title=label_for(instance))


def record_export(actor, action, what, rows):
    """A bulk export belongs to no one record, so it is logged on the exporter's account."""
    return record(actor, action, user=actor, data={"what": what, "rows": rows})


# Receivers --------------------------------------------------------------------------------


def _methods(request):
    """How this session signed in ("password", "code", "mfa"), without the details allauth
    keeps beside them (such as the email address)."""
    session = getattr(request, "session", None)
    entries = session.get("account_authentication_methods", []) if session else []
    return sorted({entry.get("method", "") for entry in entries} - {""})


def on_signed_in(sender, request, user, **kwargs):
    record(user, "members.signed_in", user=user, data={"methods": _methods(request)})


def on_sign_in_failed(sender, credentials, request=None, **kwargs):
    """A wrong password. For a known account the entry is about that account (the actor is
    unknown); for an address with no account nothing about the address is kept."""
    User = get_user_model()
    email = str(credentials.get("email") or credentials.get("username") or "")
    account = (
        User.objects.filter(email__iexact=email.strip()).first() if email else None
    )
    if account is None:
        account = User(pk=UNKNOWN_ACCOUNT_ID)
    record(account, "members.sign_in_failed", user=None, data={"step": "password"})


def on_mfa_failed(sender, request, user, authenticator, **kwargs):
    record(
        user,
        "members.sign_in_failed",
        user=None,
        data={"step": "two-step code", "method": authenticator.type},
    )


def _mfa_receiver(action):
    def receiver(sender, request, user, authenticator, **kwargs):
        actor = getattr(request, "user", None)
        record(
            user,
            action,
            user=actor if getattr(actor, "is_authenticated", False) else user,
            data={"method": authenticator.type},
        )

    return receiver


on_mfa_added = _mfa_receiver("members.mfa_added")
on_mfa_removed = _mfa_receiver("members.mfa_removed")
on_mfa_reset = _mfa_receiver("members.recovery_codes_regenerated")


def on_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Every change of group (role) membership, whichever side it was made from; the actor
    is the staff member in the admin's log context, or none (invitations, the system)."""
    User = get_user_model()
    if action == "pre_clear":
        # pk_set is empty for a clear; remember what is about to go.
        related = instance.groups if not reverse else instance.user_set
        instance._audit_cleared = set(related.values_list("pk", flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if action == "post_clear":
        pk_set = getattr(instance, "_audit_cleared", set())
    if not pk_set:
        return
    verb = "members.group_added" if action == "post_add" else "members.group_removed"
    if reverse:  # group.user_set.add(...)
        pairs = [(user, instance) for user in User.objects.filter(pk__in=pk_set)]
    else:
        pairs = [(instance, group) for group in Group.objects.filter(pk__in=pk_set)]
    for user, group in pairs:
        record(user, verb, data={"group": group.name})


def on_enquiry_deleted(sender, instance, **kwargs):
    """Whatever deletes an enquiry (the spam purge, a future erasure path) is recorded."""
    record(instance, "members.enquiry_deleted")


def connect():
    """Called once from MembersConfig.ready; features connect their own record signals."""
    from allauth.mfa import signals as mfa_signals

    user_logged_in.connect(on_signed_in, dispatch_uid="audit_signed_in")
    user_login_failed.connect(on_sign_in_failed, dispatch_uid="audit_sign_in_failed")
    mfa_signals.authentication_failed.connect(
        on_mfa_failed, dispatch_uid="audit_mfa_failed"
    )
    mfa_signals.authenticator_added.connect(on_mfa_added, dispatch_uid="audit_mfa_add")
    mfa_signals.authenticator_removed.connect(
        on_mfa_removed, dispatch_uid="audit_mfa_remove"
    )
    mfa_signals.authenticator_reset.connect(
        on_mfa_reset, dispatch_uid="audit_mfa_reset"
    )
    m2m_changed.connect(
        on_groups_changed,
        sender=get_user_model().groups.through,
        dispatch_uid="audit_groups_changed",
    )


def scrub_labels(model, object_ids, label):
    """Replace the labels of entries about these objects (older entries, and Wagtail's own
    create/edit entries, carry the object's name)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    ids = [str(pk) for pk in object_ids]
    if ids:
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id__in=ids
        ).update(label=label)


@retention.step("deleted {count} audit entries past their retention period", order=90)
def purge_audit_entries(now):
    """Audit entries are kept AUDIT_RETENTION_DAYS (default 730, two years), long enough to
    look into an incident or a complaint, then deleted (the data map's "audit" class)."""
    cutoff = now - retention.days("AUDIT_RETENTION_DAYS", 730)
    deleted, _ = ModelLogEntry.objects.filter(timestamp__lt=cutoff).delete()
    return deleted
