"""Retention for expressions of interest (DP-6; the data map's "interest" class)."""

from members.opportunities.choices import InterestStatus
from members.opportunities.models import ExpressionOfInterest
from website import retention

FREE_TEXT = ("why_interested", "experience", "availability", "access_needs")


@retention.step("cleared {count} closed expressions of interest", order=10)
def purge_interests(now):
    """Clear the free text of interests withdrawn, declined or not selected a year ago:
    it describes the person (often their health) and the decision no longer needs it."""
    closed = (
        InterestStatus.WITHDRAWN,
        InterestStatus.DECLINED,
        InterestStatus.NOT_SELECTED,
    )
    cleared = dict.fromkeys((*FREE_TEXT, "internal_notes"), "")
    due = ExpressionOfInterest.objects.filter(
        status__in=closed,
        updated_at__lt=now - retention.days("INTEREST_RETENTION_DAYS", 365),
    ).exclude(**cleared)
    # QuerySet.update keeps updated_at as it was, so the row is not "new" again.
    return due.update(**cleared)
