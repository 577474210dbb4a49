"""The only writers of equality answers and theme tags."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from members.impact.models import EqualityAnswers, Theme, ThemeTag


@transaction.atomic
def save_equality_answers(user, *, declined, **answers):
    """Keep the person's answers (or that they chose not to answer), replacing any
    earlier ones; asked once, changeable whenever they like."""
    values = {
        name: answers.get(name, "")
        for name in ("age_band", "ethnicity", "disability", "carer")
    }
    if declined:
        values = dict.fromkeys(values, "")
    record, _created = EqualityAnswers.objects.update_or_create(
        user=user,
        defaults={**values, "declined": bool(declined), "answered_at": timezone.now()},
    )
    return record


def equality_answers_of(user):
    return EqualityAnswers.objects.filter(user=user).first()


class ThemeError(ValueError):
    """A theme that cannot be added, in words for staff."""


def add_theme(name):
    name = " ".join((name or "").split())
    if not name:
        raise ThemeError("Enter a name for the theme")
    if len(name) > 80:
        raise ThemeError("Keep the theme's name to 80 characters or fewer")
    if Theme.objects.filter(name__iexact=name).exists():
        raise ThemeError("There is already a theme with that name")
    return Theme.objects.create(name=name)


@transaction.atomic
def set_themes(reflection, themes, *, by):
    """Tag one reflection with exactly these themes (adding and removing as needed)."""
    kind = ContentType.objects.get_for_model(reflection)
    wanted = {theme.pk for theme in themes}
    tags = ThemeTag.objects.filter(content_type=kind, object_id=reflection.pk)
    tags.exclude(theme_id__in=wanted).delete()
    have = set(tags.values_list("theme_id", flat=True))
    ThemeTag.objects.bulk_create(
        ThemeTag(theme_id=pk, content_type=kind, object_id=reflection.pk, tagged_by=by)
        for pk in wanted - have
    )
