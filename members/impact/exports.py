"""Equality answers and theme tags in a person's data download, and what erasure does:
the answers go, and so do the themes staff read in the person's reflections."""

from django.contrib.contenttypes.models import ContentType

from members.coaching.models import Reflection
from members.impact.models import EqualityAnswers, ThemeTag
from members.learning.models import SetReflection
from website.dataexport import ExportSection, erases

# The reflections staff tag with themes (as members/impact/themes.py KINDS).
TAGGED = (Reflection, SetReflection)


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
    # A theme read in someone's words goes with the words: tags on the person's
    # reflections, and on any reflection already erased, stop counting in the report.
    types = ContentType.objects.get_for_models(*TAGGED)
    for model in TAGGED:
        tags = ThemeTag.objects.filter(content_type=types[model])
        tags.filter(
            object_id__in=model.objects.filter(author=user).values("pk")
        ).delete()
        tags.exclude(object_id__in=model.objects.values("pk")).delete()
