"""iCalendar files for events: the public listing, one event, a member's private feed.

Only a confirmed booking's feed entry carries the joining link.
"""

from django.http import HttpResponse
from django.utils import timezone

from website import ics

_text = ics.text
_fold = ics.fold
_time = ics.time


def _where(event):
    if event.is_in_person and event.venue_name:
        return event.venue_name
    return event.get_format_display()


def calendar_response(request, name, events, *, joining=frozenset(), filename="events"):
    """An .ics of `events`; `joining` holds the ids whose joining link may be included."""
    stamp = _time(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Voices//Events//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_text(name)}",
    ]
    for event in events:
        url = request.build_absolute_uri(event.get_absolute_url())
        description = event.summary
        if event.pk in joining and event.joining_link:
            description += f"\nJoin online: {event.joining_link}"
        if event.pk in joining and event.joining_details:
            description += f"\nHow to join: {event.joining_details}"
        if event.access_notes:
            description += f"\nAccess: {event.access_notes}"
        status = "CANCELLED" if event.status == "cancelled" else "CONFIRMED"
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{event.pk}@voices",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_time(event.starts_at)}",
            f"DTEND:{_time(event.ends_at)}",
            f"SUMMARY:{_text(event.title)}",
            f"LOCATION:{_text(_where(event))}",
            f"DESCRIPTION:{_text(description)}",
            f"URL:{url}",
            f"STATUS:{status}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    body = "\r\n".join(_fold(line) for line in lines) + "\r\n"
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response
