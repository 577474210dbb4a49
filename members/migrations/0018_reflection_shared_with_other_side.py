"""Reflections get their own "share with the other side" choice (off for every reflection so far)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('members', '0017_merge_history_moves'),
    ]

    operations = [
        migrations.AddField(
            model_name='reflection',
            name='shared_with_other_side',
            field=models.BooleanField(default=False),
        ),
    ]
