"""A claim may carry a limit on its expenses in all, set by where it came from (a coaching
pairing's limit per session, from 0029 on)."""

from decimal import Decimal

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("members", "0027_payment_groups_and_categories")]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="expenses_cap",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                help_text="The most all expenses on this claim may come to, where its source set one (a coaching pairing's limit per session); each category's cap applies too.",
                max_digits=9,
                null=True,
                validators=[django.core.validators.MinValueValidator(Decimal("0"))],
            ),
        ),
    ]
