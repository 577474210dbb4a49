"""Retention for feedback answers (the data map's "feedback" class): deleted
FEEDBACK_RETENTION_DAYS after they were sent."""

from members.feedback.models import FeedbackSubmission
from website import retention


@retention.step(
    "deleted {count} feedback answers past their retention period", order=39
)
def purge_feedback(now):
    due = FeedbackSubmission.objects.filter(
        submit_time__lt=now - retention.days("FEEDBACK_RETENTION_DAYS", 730)
    )
    return due.delete()[0]
