"""Public outputs of a network: its "you said, we did" log, an RSS feed of public updates
and iCal downloads."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.feedgenerator import Rss201rev2Feed

from home.pagination import get_page
from home.routing import public_pages
from members.events.calendar import calendar_response
from networks import reading
from networks.models import NetworkEvent, NetworkPage
from networks.services.meetings import upcoming_meetings
from networks.views.common import live_network


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


def network_calendar(request, slug):
    """Every upcoming meeting of the network, as an .ics; the joining details stay with
    the people who booked (their own feed, the meeting's page)."""
    network = live_network(slug)
    response = calendar_response(
        request,
        network.title,
        upcoming_meetings(network)[:100],
        filename=f"{network.slug}-meetings",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{network.slug}-meetings.ics"'
    )
    return response


def former_meeting_calendar(request, slug, pk):
    """A calendar link from before meetings were events names the old meeting id: it
    now leads to that meeting's own calendar entry."""
    network = live_network(slug)
    link = get_object_or_404(
        NetworkEvent.objects.select_related("event"),
        network=network,
        former_meeting_id=pk,
    )
    return redirect("members:event_calendar", slug=link.event.slug, permanent=True)


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
