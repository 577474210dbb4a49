"""Programme staff see the impact report (a permission of its own, so an organisation can
hold it back from some staff); nobody else has it until given it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STAFF = "Programme staff"
CODENAMES = ["view_impact_report", "add_theme", "change_theme", "view_theme"]


def grant(apps, schema_editor):
    config = apps.get_app_config("members")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    staff, _ = Group.objects.get_or_create(name=STAFF)
    staff.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="members", codename__in=CODENAMES
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=STAFF):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="members", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [("members", "0032_feedback_forms_and_impact")]

    operations = [migrations.RunPython(grant, revoke)]
