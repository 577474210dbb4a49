"""Move every InterestStatusChange row into website.Activity, then drop the old table.

The old rows held status codes, so they become status lines as the interest workflow writes
them: visible to the member, with the changer's name as it reads today (the old table kept
only the link to the account).
"""

from django.db import migrations

BATCH = 2000


def _name(user):
    if user is None:
        return ""
    full = f"{user.first_name} {user.last_name}".strip()
    return (full or user.email)[:200]


def forwards(apps, schema_editor):
    InterestStatusChange = apps.get_model("members", "InterestStatusChange")
    Activity = apps.get_model("website", "Activity")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="members", model="expressionofinterest"
    )
    rows = InterestStatusChange.objects.select_related("changed_by").order_by("pk")
    batch = []
    for row in rows.iterator(chunk_size=BATCH):
        batch.append(
            Activity(
                content_type_id=content_type.pk,
                object_id=row.interest_id,
                actor_id=row.changed_by_id,
                actor_name=_name(row.changed_by),
                verb="status",
                from_state=row.from_status,
                to_state=row.to_status,
                note="",
                visibility="participants",
                created_at=row.created_at,
            )
        )
        if len(batch) >= BATCH:
            Activity.objects.bulk_create(batch)
            batch = []
    Activity.objects.bulk_create(batch)


def backwards(apps, schema_editor):
    InterestStatusChange = apps.get_model("members", "InterestStatusChange")
    ExpressionOfInterest = apps.get_model("members", "ExpressionOfInterest")
    Activity = apps.get_model("website", "Activity")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(
        app_label="members", model="expressionofinterest"
    ).first()
    if content_type is None:
        return
    lines = Activity.objects.filter(content_type_id=content_type.pk, verb="status")
    # Lines of interests deleted since (the old table cascaded) have nowhere to go back to.
    existing = set(ExpressionOfInterest.objects.values_list("pk", flat=True))
    batch = []
    for line in lines.order_by("pk").iterator(chunk_size=BATCH):
        if line.object_id not in existing:
            continue
        batch.append(
            InterestStatusChange(
                interest_id=line.object_id,
                changed_by_id=line.actor_id,
                from_status=line.from_state[:20],
                to_status=line.to_state[:20],
                created_at=line.created_at,
            )
        )
        if len(batch) >= BATCH:
            InterestStatusChange.objects.bulk_create(batch)
            batch = []
    InterestStatusChange.objects.bulk_create(batch)
    Activity.objects.filter(content_type_id=content_type.pk).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("members", "0015_enquiry_history_to_activity"),
        ("website", "0001_activity"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="InterestStatusChange"),
    ]
