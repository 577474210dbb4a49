"""A signed-in person's feedback answers in their data download, and deleted when they
delete their account. Answers sent without signing in name nobody and are left to the
retention period."""

from members.feedback.models import FeedbackSubmission
from website.dataexport import ExportSection, erases


def export_feedback(user):
    rows = (
        FeedbackSubmission.objects.filter(user=user)
        .select_related("page")
        .order_by("submit_time", "pk")
    )
    records = [
        {
            "form": row.page.title,
            "answers": row.form_data,
            "may_be_quoted": row.quote_consent,
            "sent_at": row.submit_time,
        }
        for row in rows
    ]
    if not records:
        return None
    return ExportSection(
        key="feedback",
        title="Feedback you gave",
        order=64,
        records=records,
        description="Your answers to feedback forms you sent while signed in.",
    )


@erases("members.FeedbackSubmission")
def erase_feedback(user):
    FeedbackSubmission.objects.filter(user=user).delete()
