"""Events gain what network meetings had (joining details for booked people, other access
information) and an audience for a network's members, so meetings can become events."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0023_event_papers"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="access_notes",
            field=models.TextField(
                blank=True,
                help_text="Captions, BSL, breaks, expenses and how to ask for anything else.",
                max_length=2000,
                verbose_name="other access information",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="joining_details",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Anything else people need to join (a phone number, a room, who to "
                    "ask for). Shown only to people with a confirmed place."
                ),
                max_length=2000,
            ),
        ),
        migrations.AlterField(
            model_name="event",
            name="audience",
            field=models.CharField(
                choices=[
                    ("public", "Anyone (public)"),
                    ("members", "Members only"),
                    ("network", "Members of the organising network"),
                ],
                default="public",
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="eventbooking",
            name="access_needs",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Special-category data: shown only to the organisers (programme "
                    "staff; a network's co-chairs for its meetings)."
                ),
                verbose_name="access needs shared for this event",
            ),
        ),
    ]
