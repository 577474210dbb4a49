"""Which partners hold training that is in date, as query pieces any matching can reuse.

A completion is *in date* on a day when its course never needs renewing (`expires_on`
empty) or it expires on that day or later. A completion is *not renewed* while the partner
has no later completion of the same course, so a reminder about it still makes sense.

For ranking many partners in a fixed number of queries, whatever their number:

1. Order by an `Exists` expression, in the query that ranks them::

       from members.support import training

       partners = User.objects.annotate(trained=training.has_in_date_training())
       partners = partners.order_by("-trained", ...)  # trained partners first

   `has_in_date_training(partner=OuterRef("pk"), on=None)` takes the outer reference to
   the partner's id (for a queryset of `SetFacilitator` rows, `OuterRef("partner")`).

2. Read the reasons for the page shown, in one more query::

       records = training.records_for([user.pk for user in page])
       training.reason_lines(records.get(user.pk))
       # ["Training in date: Safeguarding adults (until 3 March 2027)"]

   `records_for(ids, on=None)` returns `{partner_id: Record}`, a `Record` holding the
   latest completion of each course, split into `in_date` and `expired`; partners with no
   training are left out. `reason_lines` is empty for them.

Coaching's pairing matching (`members/coaching/matching.py`) uses both; learning-set
facilitator matching can do the same.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils import formats, timezone

from members.support.models import TrainingCompletion

# Reminders go out this many days before a completion expires.
REMINDER_DAYS = 30


def _today(on):
    return on or timezone.localdate()


def in_date_on(on=None):
    """A filter on `TrainingCompletion` for completions in date on `on` (default today)."""
    return Q(expires_on__isnull=True) | Q(expires_on__gte=_today(on))


def has_in_date_training(partner=None, *, on=None):
    """`Exists`: the partner (an outer reference to a user id) holds in-date training."""
    partner = OuterRef("pk") if partner is None else partner
    return Exists(
        TrainingCompletion.objects.filter(in_date_on(on), partner=partner).order_by()
    )


def not_renewed():
    """A filter on `TrainingCompletion`: no later completion of the same course by the
    same partner outlasts this one."""
    later = TrainingCompletion.objects.filter(
        partner=OuterRef("partner"), course=OuterRef("course")
    ).filter(Q(expires_on__isnull=True) | Q(expires_on__gt=OuterRef("expires_on")))
    return ~Exists(later.order_by())


def expiring(on=None, days=REMINDER_DAYS):
    """Completions, not yet renewed, that run out within `days` of `on` (from today on)."""
    today = _today(on)
    return TrainingCompletion.objects.filter(
        not_renewed(),
        expires_on__gte=today,
        expires_on__lte=today + timedelta(days=days),
    )


@dataclass
class Held:
    """One course as a partner holds it: its latest completion."""

    course: str
    completed_on: date
    expires_on: date | None


@dataclass
class Record:
    """A partner's training on one day: in-date courses first to expire first."""

    in_date: list = field(default_factory=list)
    expired: list = field(default_factory=list)


def records_for(partner_ids, *, on=None):
    """`{partner_id: Record}` for these partners, in one query."""
    today = _today(on)
    rows = (
        TrainingCompletion.objects.filter(partner_id__in=list(partner_ids))
        .order_by("partner_id", "course_id", "-completed_on", "-pk")
        .values_list(
            "partner_id", "course_id", "course__name", "completed_on", "expires_on"
        )
    )
    records, seen = {}, set()
    for partner_id, course_id, name, completed_on, expires_on in rows:
        if (partner_id, course_id) in seen:
            continue  # an older completion of a course the partner took again
        seen.add((partner_id, course_id))
        record = records.setdefault(partner_id, Record())
        held = Held(name, completed_on, expires_on)
        if expires_on is None or expires_on >= today:
            record.in_date.append(held)
        else:
            record.expired.append(held)
    for record in records.values():
        record.in_date.sort(key=lambda h: (h.expires_on or date.max, h.course))
        record.expired.sort(key=lambda h: (h.expires_on, h.course), reverse=True)
    return records


def _day(value):
    return formats.date_format(value, "j F Y")


def reason_lines(record):
    """What staff read beside a partner: in-date training, else training that ran out."""
    if record is None:
        return []
    if record.in_date:
        held = ", ".join(
            f"{h.course} (until {_day(h.expires_on)})"
            if h.expires_on
            else f"{h.course} (no renewal needed)"
            for h in record.in_date
        )
        return [f"Training in date: {held}"]
    if record.expired:
        held = ", ".join(
            f"{h.course} (ran out on {_day(h.expires_on)})" for h in record.expired
        )
        return [f"Training out of date: {held}"]
    return []
