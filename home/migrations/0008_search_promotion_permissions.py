"""Editors and moderators manage promoted search results (Settings → Promoted search results)."""

from django.db import migrations

CODENAMES = ["add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"]
GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("wagtailsearchpromotions")
    app_config.models_module = True  # the migration state's stub lacks it
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="wagtailsearchpromotions", codename__in=CODENAMES
        )
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailsearchpromotions", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_help_text"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("members", "0002_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
