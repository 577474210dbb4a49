"""Programme staff triage enquiries and retry failed outbox mail; editors get no enquiry rights.

Staff may view and change enquiries (status, assignee, notes) and export them, but not add or
delete them: an enquiry is only ever created by the public form and removed by the purge.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STAFF_PERMISSIONS = [
    ("members", "view_enquiry"),
    ("members", "change_enquiry"),
    ("members", "export_enquiry"),
    ("members", "view_enquirynote"),
    ("members", "add_enquirynote"),
    ("post_office", "view_email"),
    ("post_office", "change_email"),
]


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, codename in STAFF_PERMISSIONS:
        found += list(
            Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            )
        )
    return found


def grant(apps, schema_editor):
    # Permissions are normally created after migrate; make them now so they can be granted.
    for label in ("members", "post_office"):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    staff, _ = Group.objects.get_or_create(name="Programme staff")
    staff.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Programme staff"):
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0008_enquiries"),
        ("post_office", "0014_alter_email_recipient_delivery_status_and_more"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
