"""Payments in a person's data download, and what erasure does to them.

Financial records must be kept for PAYMENT_RECORDS_YEARS after a claim closes, so erasing
an account keeps its claims (attached to the anonymised account) but deletes the payment
preference and benefits answers, blanks what the person wrote on each line, and withdraws
claims not yet sent. The retention step anonymises claims once their years are up."""

from django.db import transaction

from members.payments.models import Claim, ClaimLine, ClaimStatus, PaymentPreference
from website.dataexport import ExportSection, erases


def export_payments(user):
    preference = PaymentPreference.objects.filter(user=user).values(
        "choice",
        "payee_reference",
        "on_benefits",
        "weekly_limit",
        "year_limit",
        "read_information_at",
        "employment",
        "updated_at",
    )
    lines = ClaimLine.objects.filter(claim__person=user).values(
        "claim_id",
        "claim__title",
        "claim__happened_on",
        "claim__status",
        "claim__paid_on",
        "claim__payment_reference",
        "kind",
        "category__name",
        "description",
        "amount",
    )
    records = [{"payment_preference": row} for row in preference]
    records += [
        {
            "claim": row["claim_id"],
            "for": row["claim__title"],
            "date": row["claim__happened_on"],
            "status": row["claim__status"],
            "paid_on": row["claim__paid_on"],
            "payment_reference": row["claim__payment_reference"],
            "kind": row["kind"],
            "category": row["category__name"] or "",
            "details": row["description"],
            "amount": row["amount"],
        }
        for row in lines.order_by("claim_id", "pk")
    ]
    if not records:
        return None
    return ExportSection(
        key="involvement_payments",
        title="Involvement payments",
        order=63,
        records=records,
        description="Your payment preference and every line of your claims.",
    )


@erases("members.PaymentPreference", "members.ClaimLine", "members.Claim")
@transaction.atomic
def erase_payments(user):
    PaymentPreference.objects.filter(user=user).delete()
    ClaimLine.objects.filter(claim__person=user).update(description="")
    Claim.objects.filter(
        person=user, status__in=(ClaimStatus.DRAFT, ClaimStatus.RETURNED)
    ).update(status=ClaimStatus.WITHDRAWN)
    Claim.objects.filter(person=user).update(returned_reason="")
