"""The site's groups exist from the first migrate; feature migrations add their permissions."""

from django.db import migrations

GROUPS = ["Editors", "Moderators", "Programme staff", "Members"]
ADMIN_GROUPS = ["Editors", "Moderators", "Programme staff"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        if access_admin and name in ADMIN_GROUPS:
            group.permissions.add(access_admin)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Programme staff", "Members"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
