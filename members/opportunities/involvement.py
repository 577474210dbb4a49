"""Time given on an opportunity: once a member has accepted a place, programme staff
confirm each stretch of time they gave (a day and how many hours), which is a line in the
interest's history and opens a claim in the member's payments ledger at the opportunity's
stated terms."""

from decimal import Decimal

from django import forms
from django.db import transaction

from members.opportunities.choices import InterestStatus, PaymentUnit
from members.payments import fields, sources
from website import activity

activity.register_verbs({"hours_confirmed": "Time given confirmed"})


class HoursError(Exception):
    """A confirmation that cannot be made, with a message for staff."""


class HoursForm(forms.Form):
    happened_on = fields.day_field(
        "Day the time was given", "Enter the day the time was given"
    )
    hours = fields.hours_field(
        "Hours", "Including preparation the opportunity asked for, for example 2.5."
    )

    def clean_happened_on(self):
        return fields.past_day(
            self.cleaned_data["happened_on"], "Confirm time after it has been given"
        )


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
