"""Equality answers and theme tags in a person's data download, and what erasure does."""

from members.impact.models import EqualityAnswers, ThemeTag
from website.dataexport import ExportSection, erases


def export_equality(user):
    rows = list(
        EqualityAnswers.objects.filter(user=user).values(
            "age_band", "ethnicity", "disability", "carer", "declined", "answered_at"
        )
    )
    if not rows:
        return None
    return ExportSection(
        key="equality_monitoring",
        title="About you (equality monitoring)",
        order=90,
        records=rows,
        description="Your answers to the optional equality questions, seen by no one else.",
    )


@erases("members.EqualityAnswers", "members.ThemeTag")
def erase_equality(user):
    EqualityAnswers.objects.filter(user=user).delete()
    # Tags staff made keep the theme but no longer say who tagged them.
    ThemeTag.objects.filter(tagged_by=user).update(tagged_by=None)
