"""Each person's payment preference: the only writer of `PaymentPreference`. A change is
a line in the person's history (what changed, never the figures), and changing to "no
payment" leaves claims already sent alone: the person withdraws nothing by changing it."""

from django.db import transaction
from django.utils import timezone

from members.payments.models import PaymentPreference
from website import activity

activity.register_verbs({"payment_preference": "Payment preference changed"})

FIELDS = (
    "choice",
    "payee_reference",
    "on_benefits",
    "weekly_limit",
    "year_limit",
    "employment",
)
LABELS = {
    "choice": "how to be paid",
    "payee_reference": "payee reference",
    "on_benefits": "benefits answer",
    "weekly_limit": "weekly limit",
    "year_limit": "tax-year limit",
    "employment": "employment status",
    "read_information_at": "read the payment information",
}


def preference_for(user):
    """The person's preference, unsaved with the defaults when they have not chosen."""
    return PaymentPreference.objects.filter(user=user).first() or PaymentPreference(
        user=user
    )


@transaction.atomic
def save(user, *, by, read_information=False, **values):
    """Store what the person chose; limits are cleared when they say they receive no
    benefits. Returns the saved preference."""
    preference = preference_for(user)
    if not values.get("on_benefits", preference.on_benefits):
        values["weekly_limit"] = values["year_limit"] = None
    changed = [
        name
        for name in FIELDS
        if name in values and getattr(preference, name) != values[name]
    ]
    for name in changed:
        setattr(preference, name, values[name])
    if read_information and preference.read_information_at is None:
        preference.read_information_at = timezone.now()
        changed.append("read_information_at")
    if not changed and preference.pk:
        return preference
    preference.updated_at = timezone.now()
    preference.save()
    activity.record(
        preference,
        by=by,
        verb="payment_preference",
        note=", ".join(LABELS[name] for name in changed) or "first chosen",
    )
    return preference


@transaction.atomic
def set_payee(user, reference, *, by):
    """Finance record the payee in their own system (never bank details here)."""
    preference = preference_for(user)
    preference.payee_reference = reference
    preference.updated_at = timezone.now()
    preference.save()
    activity.record(
        preference, by=by, verb="payment_preference", note=LABELS["payee_reference"]
    )
    return preference
