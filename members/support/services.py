"""The only writers of partners' training records (debrief requests: `debriefs.py`).

Staff record that a partner completed a course; the expiry is worked out here from the
course's months and kept on the row, so changing a course later never rewrites the past.
"""

import calendar
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from members.accounts.profiles import is_partner
from members.support.models import TrainingCompletion

# Nobody records training completed before this many years ago.
OLDEST_YEARS = 50


class TrainingError(Exception):
    """A completion that cannot be recorded, with the reason in words for staff."""


def add_months(day, months):
    """`day` plus whole months; the 31st becomes the last day of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def expiry_for(course, completed_on):
    """When a completion of `course` on `completed_on` runs out, or None if never."""
    if not course.valid_months:
        return None
    return add_months(completed_on, course.valid_months)


@transaction.atomic
def record_completion(partner, course, completed_on, *, by):
    """Record that `partner` completed `course` on `completed_on` (recorded by staff)."""
    today = timezone.localdate()
    if not is_partner(partner):
        raise TrainingError(
            "Training is recorded only for active Lived Experience Partners."
        )
    if not course.active:
        raise TrainingError(f"{course} is no longer offered, so it cannot be recorded.")
    if completed_on > today:
        raise TrainingError("Record training after it has been completed.")
    if completed_on.year < today.year - OLDEST_YEARS:
        raise TrainingError("Check the date: it is too long ago.")
    if TrainingCompletion.objects.filter(
        partner=partner, course=course, completed_on=completed_on
    ).exists():
        raise TrainingError(
            f"{partner.get_full_name() or partner.email} already has {course} "
            f"recorded on {completed_on:%d %B %Y}."
        )
    try:
        with transaction.atomic():
            return TrainingCompletion.objects.create(
                partner=partner,
                course=course,
                completed_on=completed_on,
                expires_on=expiry_for(course, completed_on),
                recorded_by=by,
            )
    except IntegrityError as error:  # the same completion recorded twice at once
        raise TrainingError("That completion is already recorded.") from error


@transaction.atomic
def remove_completion(completion):
    """Take away a completion recorded by mistake."""
    TrainingCompletion.objects.filter(pk=completion.pk).delete()
