"""The portal's network panel: my networks, latest updates, next meetings."""

from django.db.models import F
from django.utils import timezone

from members.events.models import Event, EventStatus
from networks.models.membership import NetworkMembership
from networks.models.pages import NetworkPage
from networks.models.updates import CoChairUpdate
from networks.terms import cochaired_network_ids
from website import fragments

# What the panel shows of a network (a link to its page and its workspace), and no more:
# page rows are wide, and building the SQL for every column costs more than running it.
NETWORK_FIELDS = ("title", "slug", "url_path")


def _news_of(network_ids):
    """The latest updates and next meetings of these networks: the same for everyone in the
    same networks, so kept as a fragment (any update or meeting bumps the generation)."""
    updates = list(
        CoChairUpdate.objects.published()
        .filter(network_id__in=network_ids)
        .only("pk", "network_id", "title", "published_at")
        .order_by("-published_at")[:5]
    )
    meetings = list(
        Event.objects.filter(
            network_link__network_id__in=network_ids,
            status=EventStatus.SCHEDULED,
            ends_at__gte=timezone.now(),
        )
        .annotate(network_id=F("network_link__network_id"))
        .only("pk", "slug", "title", "starts_at", "ends_at")
        .order_by("starts_at", "pk")[:4]
    )
    return updates, meetings


def dashboard_summary(request):
    """For the portal panel: my networks, latest updates, next meetings and, for co-chairs,
    the way into the workspace. What waits on a co-chair is in "Things to do" (todos.py)."""
    user = request.user
    memberships = list(
        NetworkMembership.objects.filter(user=user)
        .select_related("network")
        .only("network", *(f"network__{name}" for name in NETWORK_FIELDS))
    )
    networks = {m.network_id: m.network for m in memberships}
    # Shared with the co-chairs' things to do, so the dashboard reads the terms once.
    cochair_ids = cochaired_network_ids(user)
    missing = [pk for pk in cochair_ids if pk not in networks]
    if missing:
        networks.update(
            {
                network.pk: network
                for network in NetworkPage.objects.filter(pk__in=missing).only(
                    *NETWORK_FIELDS
                )
            }
        )
    network_ids = set(networks)
    if not network_ids:
        return None
    # The networks are in hand already: each update and meeting is given its own rather
    # than joining the wide page rows again.
    updates, meetings = fragments.cached(
        request,
        "networks:dashboard-news",
        lambda: _news_of(sorted(network_ids)),
        vary=",".join(str(pk) for pk in sorted(network_ids)),
        seconds_at_most=60,
    )
    now = timezone.now()
    meetings = [meeting for meeting in meetings if meeting.ends_at >= now][:3]
    for item in (*updates, *meetings):
        item.network = networks[item.network_id]
    return {
        "networks": sorted(networks.values(), key=lambda n: n.title),
        "updates": updates,
        "meetings": meetings,
        "cochair_networks": sorted(
            (networks[pk] for pk in cochair_ids), key=lambda n: n.title
        ),
    }
