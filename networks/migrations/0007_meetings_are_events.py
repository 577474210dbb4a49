"""Meetings and their registrations now live as events and bookings (0006 copied them)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0006_network_events"),
    ]

    operations = [
        migrations.DeleteModel(name="MeetingRegistration"),
        migrations.DeleteModel(name="Meeting"),
    ]
