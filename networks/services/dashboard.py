"""The portal's network panel: my networks, latest updates, next meetings."""

from django.utils import timezone

from networks.models.meetings import Meeting
from networks.models.membership import NetworkCoChair, NetworkMembership
from networks.models.updates import CoChairUpdate
from networks.terms import current_terms_q


def dashboard_summary(user):
    """For the portal panel: my networks, latest updates, next meetings and, for co-chairs,
    the way into the workspace. What waits on a co-chair is in "Things to do" (todos.py)."""
    today = timezone.localdate()
    memberships = list(
        NetworkMembership.objects.filter(user=user).select_related("network")
    )
    terms = list(
        NetworkCoChair.objects.filter(current_terms_q(today), user=user).select_related(
            "network"
        )
    )
    network_ids = {m.network_id for m in memberships} | {t.network_id for t in terms}
    if not network_ids:
        return None
    networks = {m.network_id: m.network for m in memberships}
    networks.update({t.network_id: t.network for t in terms})
    updates = list(
        CoChairUpdate.objects.published()
        .filter(network_id__in=network_ids)
        .select_related("network")
        .order_by("-published_at")[:5]
    )
    meetings = list(
        Meeting.objects.filter(network_id__in=network_ids, ends_at__gte=timezone.now())
        .select_related("network")
        .order_by("starts_at")[:3]
    )
    return {
        "networks": sorted(networks.values(), key=lambda n: n.title),
        "updates": updates,
        "meetings": meetings,
        "cochair_networks": sorted(
            (networks[t.network_id] for t in terms), key=lambda n: n.title
        ),
    }
