"""Move every EnquiryEvent row into website.Activity, then drop the old table.

Status lines stored "New → In progress" (labels) in `description`; their codes go into
from/to state so the history is rendered from the workflow's labels like every other line.
"""

from django.db import migrations

STATUS_LABELS = {
    "New": "new",
    "In progress": "in_progress",
    "Matched": "matched",
    "Referred": "referred",
    "Closed": "closed",
    "Spam": "spam",
}
CODES_TO_LABELS = {code: label for label, code in STATUS_LABELS.items()}


def forwards(apps, schema_editor):
    EnquiryEvent = apps.get_model("members", "EnquiryEvent")
    Activity = apps.get_model("website", "Activity")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="members", model="enquiry")
    batch = []
    for event in EnquiryEvent.objects.order_by("pk").iterator(chunk_size=2000):
        from_state = to_state = ""
        note = event.description
        if event.action == "status" and " → " in event.description:
            before, after = event.description.split(" → ", 1)
            if before in STATUS_LABELS and after in STATUS_LABELS:
                from_state, to_state = STATUS_LABELS[before], STATUS_LABELS[after]
                note = ""
        batch.append(
            Activity(
                content_type_id=content_type.pk,
                object_id=event.enquiry_id,
                actor_id=event.actor_id,
                actor_name=event.actor_name,
                verb=event.action,
                from_state=from_state,
                to_state=to_state,
                note=note,
                visibility="staff",
                created_at=event.created_at,
            )
        )
        if len(batch) >= 2000:
            Activity.objects.bulk_create(batch)
            batch = []
    Activity.objects.bulk_create(batch)


def backwards(apps, schema_editor):
    EnquiryEvent = apps.get_model("members", "EnquiryEvent")
    Activity = apps.get_model("website", "Activity")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="members", model="enquiry").first()
    if content_type is None:
        return
    lines = Activity.objects.filter(content_type_id=content_type.pk).order_by("pk")
    for line in lines.iterator(chunk_size=2000):
        description = line.note
        if line.from_state and line.to_state:
            description = (
                f"{CODES_TO_LABELS.get(line.from_state, line.from_state)} → "
                f"{CODES_TO_LABELS.get(line.to_state, line.to_state)}"
            )
        EnquiryEvent.objects.create(
            enquiry_id=line.object_id,
            actor_id=line.actor_id,
            actor_name=line.actor_name,
            action=line.verb[:20],
            description=description[:300],
            created_at=line.created_at,
        )
    lines.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("members", "0014_listing_indexes"),
        ("website", "0001_activity"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="EnquiryEvent"),
    ]
