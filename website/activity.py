"""The history of any record, in one table (`website.models.Activity`), with human labels.

Write a line with `record`; workflows do it for every transition, so features rarely call it::

    activity.record(enquiry, by=request.user, verb="assigned", note="Assigned to Sam Staff")

Read with `history(obj, participant=False)`: staff see every line, participants (the member,
the leader, the partner) only lines marked `PARTICIPANTS`. Each line comes back with `.label`,
a sentence for people ("Status changed from New to In progress"), built from the verb labels
features register (`register_verbs`) and the state labels of the record's workflow.

Two templates render it everywhere: `components/activity.html` (portal) and
`website/admin/activity_panel.html` (admin inspect screens).
"""

from django.contrib.contenttypes.models import ContentType

from website.models import Activity

STAFF = Activity.Visibility.STAFF
PARTICIPANTS = Activity.Visibility.PARTICIPANTS

# verb -> label, e.g. {"status": "Status changed", "note": "Note added"}
VERB_LABELS = {
    "status": "Status changed",
    "created": "Created",
    "note": "Note added",
    "anonymised": "Anonymised",
}
# model label ("members.enquiry") -> {state code: label}
STATE_LABELS = {}


def register_verbs(labels):
    VERB_LABELS.update(labels)


def register_states(model, choices):
    STATE_LABELS[model._meta.label_lower] = dict(choices)


def actor_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.email


def record(
    obj,
    *,
    by=None,
    verb,
    from_state="",
    to_state="",
    note="",
    visibility=STAFF,
    actor_role="",
):
    """Add one line to `obj`'s history (inside the caller's transaction)."""
    return Activity.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        actor=by,
        actor_name=actor_name(by)[:200],
        actor_role=actor_role[:20],
        verb=verb[:40],
        from_state=from_state or "",
        to_state=to_state or "",
        note=(note or "")[:2000],
        visibility=visibility,
    )


def for_record(obj):
    """Every line about `obj` (a queryset, oldest first)."""
    return Activity.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    )


def for_records(model, ids):
    return Activity.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id__in=list(ids)
    )


def describe(entry, states=None):
    """A sentence for one line, for people (never raw codes)."""
    states = states or {}
    if entry.verb == "status" or (entry.from_state or entry.to_state):
        before = states.get(entry.from_state, entry.from_state)
        after = states.get(entry.to_state, entry.to_state)
        if before and after:
            return f"Status changed from {before} to {after}"
        if after:
            return f"Status set to {after}"
    return VERB_LABELS.get(entry.verb, entry.verb.replace("_", " ").capitalize())


def history(obj, *, participant=False):
    """The lines a viewer may read, each with `.label`, oldest first (one query)."""
    entries = for_record(obj).select_related("actor")
    if participant:
        entries = entries.filter(visibility=PARTICIPANTS)
    states = STATE_LABELS.get(obj._meta.label_lower, {})
    entries = list(entries)
    for entry in entries:
        entry.label = describe(entry, states)
        entry.from_label = states.get(entry.from_state, entry.from_state)
        entry.to_label = states.get(entry.to_state, entry.to_state)
    return entries


def erase_actor(user):
    """Erasure: lines written by `user` keep what happened but no longer name them."""
    Activity.objects.filter(actor=user).update(actor=None, actor_name="")


def scrub(obj):
    """Anonymisation of a record: its history keeps verbs, states and dates only."""
    for_record(obj).update(actor_name="", note="")
