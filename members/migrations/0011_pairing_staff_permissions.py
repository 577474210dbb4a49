"""Programme staff run pairings, decide expense claims and read programme figures.

Editors and members get nothing here: partners and leaders act on their own pairing through
the portal, where members/permissions/pairings.py checks the person, not a permission.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STAFF_PERMISSIONS = [
    "add_pairing",
    "view_pairing",
    "change_pairing",
    "view_programme_figures",
    "view_pairingpartner",
    "view_pairingevent",
    "view_pairingsession",
    "view_expenseclaim",
    "change_expenseclaim",
    "export_expenseclaim",
    "view_reflection",
    "view_partneravailability",
    "change_partneravailability",
]


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return list(
        Permission.objects.filter(
            content_type__app_label="members", codename__in=STAFF_PERMISSIONS
        )
    )


def grant(apps, schema_editor):
    config = apps.get_app_config("members")
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
    dependencies = [("members", "0010_pairings")]

    operations = [migrations.RunPython(grant, revoke)]
