"""The portal's network panel: my networks, latest updates, next meetings."""

from django.db.models import Count
from django.utils import timezone

from members.enquiries.models import Enquiry
from networks.models.meetings import Meeting
from networks.models.membership import (
    JoinRequest,
    JoinRequestStatus,
    NetworkCoChair,
    NetworkMembership,
)
from networks.models.updates import CoChairUpdate, UpdateStatus
from networks.terms import current_terms_q


def dashboard_summary(user):
    """For the portal panel: my networks, latest updates, next meetings and co-chair tasks."""
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
    tasks = []
    cochair_ids = [t.network_id for t in terms]
    if cochair_ids:
        pending = dict(
            JoinRequest.objects.filter(
                network_id__in=cochair_ids, status=JoinRequestStatus.PENDING
            )
            .values_list("network_id")
            .annotate(n=Count("pk"))
        )
        returned = dict(
            CoChairUpdate.objects.filter(
                network_id__in=cochair_ids, status=UpdateStatus.RETURNED
            )
            .values_list("network_id")
            .annotate(n=Count("pk"))
        )
        new_enquiries = dict(
            Enquiry.objects.filter(
                network_page_id__in=cochair_ids, status=Enquiry.Status.NEW
            )
            .values_list("network_page_id")
            .annotate(n=Count("pk"))
        )
        for network_id in cochair_ids:
            tasks.append(
                {
                    "network": networks[network_id],
                    "join_requests": pending.get(network_id, 0),
                    "returned_updates": returned.get(network_id, 0),
                    "new_enquiries": new_enquiries.get(network_id, 0),
                }
            )
    return {
        "networks": sorted(networks.values(), key=lambda n: n.title),
        "updates": updates,
        "meetings": meetings,
        "cochair_tasks": tasks,
    }
