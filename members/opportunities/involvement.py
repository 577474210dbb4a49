"""Time given on an opportunity: once a member has accepted a place, programme staff
confirm each stretch of time they gave (a day and how many hours), which is a line in the
interest's history and opens a claim in the member's payments ledger at the opportunity's
stated terms."""

from datetime import date
from decimal import Decimal

from django import forms
from django.db import transaction
from django.utils import timezone

from members.opportunities.choices import InterestStatus, PaymentUnit
from members.payments import sources
from website import activity

activity.register_verbs({"hours_confirmed": "Time given confirmed"})


class HoursError(Exception):
    """A confirmation that cannot be made, with a message for staff."""


class HoursForm(forms.Form):
    happened_on = forms.DateField(
        label="Day the time was given",
        help_text="For example 27 3 2027, or 2027-03-27.",
        input_formats=["%Y-%m-%d", "%d %m %Y", "%d/%m/%Y"],
        error_messages={
            "required": "Enter the day the time was given",
            "invalid": "Enter a real date, for example 2027-03-27",
        },
    )
    hours = forms.DecimalField(
        label="Hours",
        min_value=Decimal("0.25"),
        max_value=Decimal("24"),
        max_digits=4,
        decimal_places=2,
        help_text="Including preparation the opportunity asked for, for example 2.5.",
        error_messages={
            "required": "Enter the hours",
            "invalid": "Enter a number of hours, for example 2.5",
            "min_value": "Enter at least 0.25 hours",
            "max_value": "Enter 24 hours or fewer",
            "max_digits": "Enter 24 hours or fewer",
            "max_decimal_places": "Enter hours to two decimal places at most",
        },
    )

    def clean_happened_on(self):
        day = self.cleaned_data["happened_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("Confirm time after it has been given")
        if day < date(2000, 1, 1):
            raise forms.ValidationError("Enter a date after the year 2000")
        return day


def fee_for_terms(opportunity, hours):
    """(fee, how it was worked out) as the opportunity promised: per hour times the hours,
    per session or day as it stands, nothing when it is voluntary (expenses can still be
    claimed); for a fee "in total", (None, "") so the programme's dated rate applies."""
    unit, amount = opportunity.payment_unit, opportunity.payment_amount
    if unit == PaymentUnit.VOLUNTARY or amount is None:
        return Decimal("0.00"), ""
    if unit == PaymentUnit.HOUR:
        fee = (amount * hours).quantize(Decimal("0.01"))
        return fee, f"{hours.normalize():f} hours at £{amount} an hour"
    if unit in (PaymentUnit.SESSION, PaymentUnit.DAY):
        return amount, f"£{amount} {opportunity.get_payment_unit_display()}"
    return None, ""


@transaction.atomic
def confirm_hours(interest, *, by, happened_on, hours):
    """Record the time and open the member's claim (None when they chose no payment)."""
    if interest.status != InterestStatus.ACCEPTED:
        raise HoursError(
            "Time can be confirmed only for a member who accepted a place."
        )
    opportunity = interest.opportunity
    activity.record(
        interest,
        by=by,
        verb="hours_confirmed",
        note=f"{hours.normalize():f} hours on {happened_on:%d %b %Y}",
        visibility=activity.PARTICIPANTS,
    )
    fee, how = fee_for_terms(opportunity, hours)
    return sources.hours_confirmed(
        interest.member,
        interest_pk=interest.pk,
        title=opportunity.title,
        happened_on=happened_on,
        hours=hours,
        fee=fee,
        how=how,
        by=by,
    )
