"""Form fields the payment forms share, and the features that open claims use: a day
typed in the ways people write dates, and a number of hours."""

from datetime import date
from decimal import Decimal

from django import forms
from django.utils import timezone

DATE_FORMATS = ["%Y-%m-%d", "%d %m %Y", "%d/%m/%Y"]


def day_field(label, required_message):
    return forms.DateField(
        label=label,
        help_text="For example 27 3 2027, or 2027-03-27.",
        input_formats=DATE_FORMATS,
        error_messages={
            "required": required_message,
            "invalid": "Enter a real date, for example 2027-03-27",
        },
    )


def hours_field(label, help_text, required=True):
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=Decimal("0.25"),
        max_value=Decimal("24"),
        max_digits=4,
        decimal_places=2,
        help_text=help_text,
        error_messages={
            "required": "Enter the hours",
            "invalid": "Enter a number of hours, for example 1.5",
            "min_value": "Enter at least 0.25 hours",
            "max_value": "Enter 24 hours or fewer",
            "max_digits": "Enter 24 hours or fewer",
            "max_decimal_places": "Enter hours to two decimal places at most",
        },
    )


def past_day(day, future_message):
    """`day` when it is today or before and after 2000, else a ValidationError."""
    if day > timezone.localdate():
        raise forms.ValidationError(future_message)
    if day < date(2000, 1, 1):
        raise forms.ValidationError("Enter a date after the year 2000")
    return day
