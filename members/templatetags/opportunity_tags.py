"""Plain-English facts for opportunity cards and pages: closing, places and payment."""

from django import template

from members.opportunities.choices import PaymentUnit
from members.opportunities.listing import places_left

register = template.Library()


@register.simple_tag
def closing_text(opportunity):
    days = opportunity.days_to_close()
    if days is None:
        return "Closed"
    if days == 0:
        return "Closes today"
    if days == 1:
        return "Closes tomorrow"
    return f"Closes in {days} days"


@register.simple_tag
def places_text(opportunity):
    left = places_left(opportunity)
    if left <= 0:
        return "No places left (waiting list open)"
    if left == 1:
        return "1 place left"
    return f"{left} places left"


@register.simple_tag
def payment_text(opportunity):
    if (
        opportunity.payment_unit == PaymentUnit.VOLUNTARY
        or not opportunity.payment_amount
    ):
        return "Voluntary (unpaid)"
    amount = opportunity.payment_amount
    shown = f"£{amount:,.0f}" if amount == amount.to_integral() else f"£{amount:,.2f}"
    return f"{shown} {PaymentUnit(opportunity.payment_unit).label}"
