"""Backfill the history of co-chair updates into website.Activity.

Until now an update's status changes were seen only through its revisions (a snapshot on
every save). Each revision whose status differs from the one before it (for the first: from
nothing) becomes one staff-only status line, by the revision's editor, at the revision's
time. Revisions stay: they keep the wording. Going back removes exactly those lines.
"""

from django.db import migrations


def _status_lines(apps):
    """(update id, from, to, editor, time) for every change of status across revisions."""
    Revision = apps.get_model("networks", "CoChairUpdateRevision")
    previous = {}
    revisions = Revision.objects.select_related("edited_by").order_by(
        "update_id", "created_at", "pk"
    )
    for revision in revisions.iterator(chunk_size=2000):
        before = previous.get(revision.update_id, "")
        previous[revision.update_id] = revision.status
        if revision.status != before:
            yield revision.update_id, before, revision.status, revision.edited_by, (
                revision.created_at
            )


def _content_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="networks", model="cochairupdate"
    )
    return content_type


def _name(user):
    if user is None:
        return ""
    return (f"{user.first_name} {user.last_name}".strip() or user.email)[:200]


def forwards(apps, schema_editor):
    Activity = apps.get_model("website", "Activity")
    content_type = _content_type(apps)
    batch = []
    for update_id, before, after, editor, when in _status_lines(apps):
        batch.append(
            Activity(
                content_type_id=content_type.pk,
                object_id=update_id,
                actor=editor,
                actor_name=_name(editor),
                verb="status",
                from_state=before,
                to_state=after,
                visibility="staff",
                created_at=when,
            )
        )
        if len(batch) >= 2000:
            Activity.objects.bulk_create(batch)
            batch = []
    Activity.objects.bulk_create(batch)


def backwards(apps, schema_editor):
    Activity = apps.get_model("website", "Activity")
    content_type = _content_type(apps)
    for update_id, before, after, _editor, when in _status_lines(apps):
        Activity.objects.filter(
            content_type_id=content_type.pk,
            object_id=update_id,
            verb="status",
            from_state=before,
            to_state=after,
            created_at=when,
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("networks", "0002_staff_permissions"),
        ("website", "0001_activity"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
