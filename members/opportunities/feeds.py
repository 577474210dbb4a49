"""Public feeds of open opportunities: RSS for readers, iCal so closing dates land in calendars.

Only opportunities open to everyone appear; members-only ones never leave the site this way.
"""

from datetime import UTC

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils import dateformat, timezone
from django.utils.feedgenerator import Rss201rev2Feed

from home.routing import public_pages
from members.opportunities.choices import Audience
from members.opportunities.pages import OpportunityPage

FEED_LIMIT = 50


def public_open_opportunities():
    return (
        public_pages(OpportunityPage.objects.live())
        .filter(audience=Audience.EVERYONE, closes_at__gt=timezone.now())
        .order_by("closes_at", "pk")[:FEED_LIMIT]
    )


class OpportunitiesFeed(Feed):
    """RSS 2.0: newest-closing first, each item linking to the opportunity page."""

    feed_type = Rss201rev2Feed
    title = "Voices: open opportunities"
    link = "/opportunities/"
    description = (
        "Coaching and mentoring roles, co-production projects, advisory groups, research "
        "involvement and events from the Voices programme."
    )

    def items(self):
        return public_open_opportunities()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        closes = dateformat.format(timezone.localtime(item.closes_at), "j F Y, g:i a")
        return f"{item.summary} Closes {closes}."

    def item_link(self, item):
        return item.url or "/opportunities/"

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


def _ical_escape(text):
    text = (text or "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return " ".join(text.replace("\r", " ").replace("\n", "\\n").split(" "))


def _fold(line):
    """RFC 5545 lines are at most 75 octets; longer ones continue after CRLF + space."""
    out, current = [], ""
    for char in line:
        if len((current + char).encode()) > 75:
            out.append(current)
            current = " " + char
        else:
            current += char
    out.append(current)
    return "\r\n".join(out)


def closing_dates_ical(request):
    """An iCalendar file with one event at each open opportunity's closing time."""
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Voices//Opportunity closing dates//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Voices opportunity closing dates",
    ]
    for item in public_open_opportunities():
        closes = item.closes_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        lines += [
            "BEGIN:VEVENT",
            f"UID:opportunity-{item.pk}-closes@voices",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{closes}",
            f"DTEND:{closes}",
            f"SUMMARY:{_ical_escape('Closes: ' + item.title)}",
            f"DESCRIPTION:{_ical_escape(item.summary)}",
            f"URL:{request.build_absolute_uri(item.url or '/opportunities/')}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    body = "\r\n".join(_fold(line) for line in lines) + "\r\n"
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="opportunity-closing-dates.ics"'
    return response
