"""Retention for involvement payments (the data map's "payment" class): claims are
financial records, kept PAYMENT_RECORDS_YEARS after they closed, then anonymised so the
programme's totals survive without saying who was paid."""

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from members.payments.models import Claim, ClaimLine, ClaimStatus
from website import activity, retention

S = ClaimStatus
BATCH = 1000


@retention.step(
    "anonymised {count} involvement payment claims past their keeping years", order=39
)
def anonymise_old_claims(now):
    years = getattr(settings, "PAYMENT_RECORDS_YEARS", 6)
    cutoff = now - retention.days("PAYMENT_RECORDS_DAYS", 365 * years + years // 4)
    due = Claim.objects.filter(person__isnull=False).filter(
        Q(status=S.PAID, paid_on__lt=cutoff.date())
        | Q(~Q(status__in=(S.PAID, S.APPROVED, S.SUBMITTED)), created_at__lt=cutoff)
    )
    ids = list(due.values_list("pk", flat=True)[:BATCH])
    with transaction.atomic():
        for line in ClaimLine.objects.filter(claim_id__in=ids).exclude(receipt=""):
            name, storage = line.receipt.name, line.receipt.storage
            transaction.on_commit(lambda n=name, s=storage: s.delete(n))
        ClaimLine.objects.filter(claim_id__in=ids).update(description="", receipt="")
        count = Claim.objects.filter(pk__in=ids).update(
            person=None,
            logged_by=None,
            approved_by=None,
            returned_reason="",
            payment_reference="",
            title="Anonymised claim",
        )
        activity.for_records(Claim, ids).update(actor_name="", note="")
    return count
