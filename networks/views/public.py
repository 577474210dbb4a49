"""Public outputs of a network: its "you said, we did" log, an RSS feed of public updates
and iCal downloads."""

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from home.pagination import get_page
from home.routing import public_pages
from networks import reading
from networks.models import Meeting, NetworkPage
from networks.views.common import live_network
from website import ics


class NetworkUpdatesFeed(Feed):
    """The network's latest public updates; members-only updates never appear here."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, slug):
        network = live_network(slug)
        return network

    def title(self, network):
        return f"{network.title}: updates"

    def link(self, network):
        return network.url

    def description(self, network):
        return network.purpose

    def items(self, network):
        return reading.visible_updates(network, is_member=False)[:20]

    def item_title(self, update):
        return update.title

    def item_description(self, update):
        return update.body

    def item_link(self, update):
        return f"{update.network.url}#update-{update.pk}"

    def item_pubdate(self, update):
        return update.published_at

    def item_author_name(self, update):
        return update.author_name


_ics_text = ics.text
_ics_fold = ics.fold
_ics_time = ics.time


def _calendar(request, network, meetings):
    stamp = _ics_time(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Voices//Networks//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_ics_text(network.title)}",
    ]
    page_url = request.build_absolute_uri(network.url)
    for meeting in meetings:
        description = meeting.accessibility or ""
        lines += [
            "BEGIN:VEVENT",
            f"UID:network-meeting-{meeting.pk}@voices",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_ics_time(meeting.starts_at)}",
            f"DTEND:{_ics_time(meeting.ends_at)}",
            f"SUMMARY:{_ics_text(meeting.title)}",
            f"LOCATION:{_ics_text(meeting.place_summary or meeting.get_format_display())}",
            f"DESCRIPTION:{_ics_text(description)}",
            f"URL:{page_url}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    body = "\r\n".join(_ics_fold(line) for line in lines) + "\r\n"
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    return response


def network_calendar(request, slug):
    """Every upcoming meeting of the network. Joining details stay in the portal."""
    network = live_network(slug)
    meetings = Meeting.objects.filter(
        network=network, ends_at__gte=timezone.now()
    ).order_by("starts_at")[:100]
    response = _calendar(request, network, meetings)
    response["Content-Disposition"] = (
        f'attachment; filename="{network.slug}-meetings.ics"'
    )
    return response


def meeting_calendar(request, slug, pk):
    network = live_network(slug)
    meeting = get_object_or_404(Meeting, pk=pk, network=network)
    response = _calendar(request, network, [meeting])
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


YOU_SAID_PER_PAGE = 20


def you_said(request, slug):
    """What members of the network raised and what changed, newest first, for anyone who
    may read the network page (a private network's log is private too)."""
    network = get_object_or_404(
        public_pages(NetworkPage.objects.live()).only(
            "id", "title", "slug", "url_path", "path", "depth"
        ),
        slug=slug,
    )
    page_obj = get_page(
        reading.you_said_rows(network), YOU_SAID_PER_PAGE, request.GET.get("page")
    )
    return render(
        request,
        "networks/you_said_public.html",
        {
            "network": network,
            "items": reading.name_raisers(page_obj.object_list),
            "page_obj": page_obj,
        },
    )
