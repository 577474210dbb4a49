"""Joins the two history moves into website.Activity (interests and pairings), made in parallel."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0016_interest_history_to_activity"),
        ("members", "0016_pairing_history_to_activity"),
    ]

    operations = []
