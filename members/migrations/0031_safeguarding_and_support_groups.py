"""Two new groups: the designated safeguarding leads, who alone read the concerns log, and
partner support staff, who answer partners' debrief requests. Both reach the admin; neither
gets any other right here. Programme staff manage training courses and completions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SAFEGUARDING = "Safeguarding leads"
SUPPORT = "Partner support"
STAFF = "Programme staff"
TRAINING = [
    "add_trainingcourse",
    "change_trainingcourse",
    "view_trainingcourse",
    "add_trainingcompletion",
    "change_trainingcompletion",
    "delete_trainingcompletion",
    "view_trainingcompletion",
]


def grant(apps, schema_editor):
    config = apps.get_app_config("members")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for name in (SAFEGUARDING, SUPPORT):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*admin_access)
    staff, _ = Group.objects.get_or_create(name=STAFF)
    staff.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="members", codename__in=TRAINING
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=STAFF):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="members", codename__in=TRAINING
            )
        )
    # The two groups stay, as Finance staff did in 0027: deleting a group here would reach
    # tables of other apps in their historical state.


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0030_learning_sets_partner_support_and_concerns"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
