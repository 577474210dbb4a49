"""Programme staff manage events and see bookings; editors and members get no event rights."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STAFF_CODENAMES = [
    "add_event",
    "change_event",
    "view_event",
    "view_eventbooking",
]


def grant(apps, schema_editor):
    # Permissions are normally created after migrate; make them now so they can be granted.
    config = apps.get_app_config("members")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    staff, _ = Group.objects.get_or_create(name="Programme staff")
    staff.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="members", codename__in=STAFF_CODENAMES
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Programme staff"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="members", codename__in=STAFF_CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [("members", "0019_events")]

    operations = [migrations.RunPython(grant, revoke)]
