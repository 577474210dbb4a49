"""Move every PairingEvent row into website.Activity, then drop the old table.

The old free-text action ("Partner invited") becomes a verb code ("partner_invited") whose
label the coaching feature registers; statuses, actor, role, note and time are kept as they
were. Every line stays staff-only: the portal never showed a pairing's history.
"""

from django.db import migrations



def verb_for(action):
    return (action or "").strip().lower().replace(" ", "_")[:40] or "status"


def action_for(verb):
    return verb.replace("_", " ").capitalize()[:40]


def _actor_name(user):
    if user is None:
        return ""
    full = f"{user.first_name} {user.last_name}".strip()
    return (full or user.email)[:200]


def forwards(apps, schema_editor):
    PairingEvent = apps.get_model("members", "PairingEvent")
    Activity = apps.get_model("website", "Activity")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="members", model="pairing"
    )
    batch = []
    events = PairingEvent.objects.select_related("actor").order_by("pk")
    for event in events.iterator(chunk_size=2000):
        batch.append(
            Activity(
                content_type_id=content_type.pk,
                object_id=event.pairing_id,
                actor_id=event.actor_id,
                actor_name=_actor_name(event.actor),
                actor_role=event.actor_role,
                verb=verb_for(event.action),
                from_state=event.from_status,
                to_state=event.to_status,
                note=event.note,
                visibility="staff",
                created_at=event.created_at,
            )
        )
        if len(batch) >= 2000:
            Activity.objects.bulk_create(batch)
            batch = []
    Activity.objects.bulk_create(batch)


def backwards(apps, schema_editor):
    PairingEvent = apps.get_model("members", "PairingEvent")
    Pairing = apps.get_model("members", "Pairing")
    Activity = apps.get_model("website", "Activity")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(
        app_label="members", model="pairing"
    ).first()
    if content_type is None:
        return
    lines = Activity.objects.filter(content_type_id=content_type.pk).order_by("pk")
    existing = set(Pairing.objects.values_list("pk", flat=True))
    for line in lines.iterator(chunk_size=2000):
        if line.object_id not in existing:
            continue
        PairingEvent.objects.create(
            pairing_id=line.object_id,
            actor_id=line.actor_id,
            actor_role=line.actor_role,
            action=action_for(line.verb),
            from_status=line.from_state[:20],
            to_status=line.to_state[:20],
            note=line.note,
            created_at=line.created_at,
        )
    lines.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("members", "0015_enquiry_history_to_activity"),
        ("website", "0001_activity"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="PairingEvent"),
    ]
