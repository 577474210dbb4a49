"""The nine English regions plus National and Online exist on every site from the start."""

from django.db import migrations

REGIONS = [
    ("North East", "north-east"),
    ("North West", "north-west"),
    ("Yorkshire and the Humber", "yorkshire-and-the-humber"),
    ("East Midlands", "east-midlands"),
    ("West Midlands", "west-midlands"),
    ("East of England", "east-of-england"),
    ("London", "london"),
    ("South East", "south-east"),
    ("South West", "south-west"),
    ("National", "national"),
    ("Online", "online"),
]


def seed(apps, schema_editor):
    Region = apps.get_model("home", "Region")
    for order, (name, slug) in enumerate(REGIONS, start=1):
        Region.objects.update_or_create(slug=slug, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("home", "0002_region")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
