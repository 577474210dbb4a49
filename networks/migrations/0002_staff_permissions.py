"""Programme staff manage co-chairs, memberships, join requests and meetings, and moderate
co-chair updates, in the admin. Editors get none of these (least privilege)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STAFF_PERMISSIONS = [
    "add_networkcochair",
    "change_networkcochair",
    "delete_networkcochair",
    "view_networkcochair",
    "add_networkmembership",
    "change_networkmembership",
    "delete_networkmembership",
    "view_networkmembership",
    "view_joinrequest",
    "change_joinrequest",
    "view_cochairupdate",
    "moderate_cochairupdate",
    "add_meeting",
    "change_meeting",
    "delete_meeting",
    "view_meeting",
    "view_meetingregistration",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("networks")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    staff, _ = Group.objects.get_or_create(name="Programme staff")
    staff.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="networks", codename__in=STAFF_PERMISSIONS
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Programme staff"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="networks", codename__in=STAFF_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0001_initial"),
        ("members", "0002_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
