"""Events for tests: a public online event a fortnight away unless told otherwise."""

import itertools
from datetime import timedelta

from django.utils import timezone

from members.events.models import Event

_numbers = itertools.count(1)


def make_event(**fields):
    number = next(_numbers)
    starts = fields.pop("starts_at", timezone.now() + timedelta(days=14))
    values = {
        "title": f"Event {number}",
        "slug": f"event-{number}",
        "summary": "A summary of the event.",
        "kind": "webinar",
        "audience": "public",
        "format": "online",
        "joining_link": "https://meet.example.org/JOIN-SECRET",
        "capacity": 10,
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=2),
        **fields,
    }
    return Event.objects.create(**values)
