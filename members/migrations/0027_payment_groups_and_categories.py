"""Finance staff (a new group) pay approved claims and export them; programme staff approve
claims; both set rates and expense categories. Four common kinds of expense to start with,
which staff can change."""

from decimal import Decimal

from django.contrib.auth.management import create_permissions
from django.db import migrations

FINANCE = "Finance staff"
STAFF = "Programme staff"
TERMS = [
    "add_paymentrate",
    "change_paymentrate",
    "view_paymentrate",
    "add_expensecategory",
    "change_expensecategory",
    "view_expensecategory",
    "add_paidevent",
    "change_paidevent",
    "delete_paidevent",
    "view_paidevent",
]
GRANTS = {
    FINANCE: ["pay_claim", *TERMS],
    STAFF: ["approve_claim", *TERMS],
}
CATEGORIES = [
    ("Travel", "Bus, train or taxi fares, parking, or mileage.", "60.00"),
    (
        "Carer or personal assistant",
        "Replacement care or a PA while you take part.",
        "120.00",
    ),
    ("Food and drink", "On a long day or when travel covers a mealtime.", "15.00"),
    (
        "Communication support",
        "An interpreter, a note-taker, or phone or internet data.",
        "60.00",
    ),
]


def grant(apps, schema_editor):
    config = apps.get_app_config("members")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    finance, _ = Group.objects.get_or_create(name=FINANCE)
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    finance.permissions.add(*admin_access)
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="members", codename__in=codenames
            )
        )
    ExpenseCategory = apps.get_model("members", "ExpenseCategory")
    for order, (name, hint, cap) in enumerate(CATEGORIES):
        ExpenseCategory.objects.get_or_create(
            name=name, defaults={"hint": hint, "cap": Decimal(cap), "order": order}
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="members", codename__in=codenames
                )
            )
    # The Finance staff group stays (empty of these rights): deleting a group here would
    # reach tables of other apps in their historical state.


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0026_involvement_payments"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
