"""Retention for concerns (the data map's "safeguarding" class): their own period,
SAFEGUARDING_RETENTION_YEARS (default 7) after a concern was closed, then the concern is
deleted with every record of who opened it. Open concerns are never erased by time; the
record of openings of the log itself goes after the same period."""

from django.conf import settings
from django.db import transaction

from members.safeguarding.models import Concern, ConcernView
from website import retention

BATCH = 1000


def cutoff(now):
    years = getattr(settings, "SAFEGUARDING_RETENTION_YEARS", 7)
    return now - retention.days("SAFEGUARDING_RETENTION_DAYS", 365 * years + years // 4)


@retention.step(
    "erased {count} closed safeguarding concerns past their keeping years", order=55
)
def erase_old_concerns(now):
    before = cutoff(now)
    ids = list(
        Concern.objects.filter(
            status=Concern.Status.CLOSED, closed_at__lt=before
        ).values_list("pk", flat=True)[:BATCH]
    )
    with transaction.atomic():
        ConcernView.objects.filter(concern_id__in=ids).delete()
        ConcernView.objects.filter(concern__isnull=True, at__lt=before).delete()
        _total, per_model = Concern.objects.filter(pk__in=ids).delete()
    return per_model.get(Concern._meta.label, 0)
