"""What networks put on people's "Things to do" (website/todo.py).

Co-chairs see the requests to join waiting in each network they co-chair and the updates
staff returned to them; moderators see, on the admin home, the updates waiting to be
checked. Each provider is one query whatever the person's data, and none for people who
co-chair nothing (the terms are read once per request, networks.terms). (Enquiries routed to a
network are in enquiry_hooks.py.)
"""

from django.db.models import Count, Min
from django.urls import reverse

from networks import permissions
from networks.models.membership import JoinRequest, JoinRequestStatus
from networks.models.updates import CoChairUpdate, UpdateStatus
from networks.terms import cochaired_network_ids
from website import todo

LIMIT = 20


def join_requests_waiting(request):
    """Co-chairs: one line per network with requests to join not yet decided."""
    cochaired = cochaired_network_ids(request.user)
    if not cochaired:
        return []
    waiting = (
        JoinRequest.objects.filter(
            status=JoinRequestStatus.PENDING, network_id__in=cochaired
        )
        .values("network_id", "network__title", "network__slug")
        .annotate(count=Count("pk"), oldest=Min("created_at"))
        .order_by("oldest")[:LIMIT]
    )
    return [
        todo.Todo(
            text=(
                f"{row['count']} request{'s' if row['count'] != 1 else ''} to join "
                f"{row['network__title']} waiting for a decision"
            ),
            url=reverse("networks:workspace", kwargs={"slug": row["network__slug"]}),
            link_text=f"Approve or decline requests to join {row['network__title']}",
            order=10,
            kind="join_requests",
        )
        for row in waiting
    ]


def updates_returned(request):
    """Co-chairs: each update programme staff sent back, until it is changed."""
    cochaired = cochaired_network_ids(request.user)
    if not cochaired:
        return []
    returned = (
        CoChairUpdate.objects.filter(
            status=UpdateStatus.RETURNED, network_id__in=cochaired
        )
        .select_related("network")
        .only("pk", "title", "network__title", "network__slug")
        .order_by("updated_at", "pk")[:LIMIT]
    )
    return [
        todo.Todo(
            text=(
                f"Programme staff returned the update “{update.title}” for "
                f"{update.network.title} with a note saying what to change"
            ),
            url=reverse(
                "networks:update_edit",
                kwargs={"slug": update.network.slug, "pk": update.pk},
            ),
            link_text=f"Edit “{update.title}”",
            order=15,
            kind="returned_update",
        )
        for update in returned
    ]


def updates_to_moderate(request):
    """Moderators, on the admin home: the updates waiting for a check, in one line."""
    if not permissions.can_moderate_updates(request.user):
        return []
    waiting = CoChairUpdate.objects.filter(
        status=UpdateStatus.AWAITING_MODERATION
    ).aggregate(count=Count("pk"), oldest=Min("updated_at"))
    if not waiting["count"]:
        return []
    count = waiting["count"]
    return [
        todo.Todo(
            text=(
                f"{count} co-chair update{'s' if count != 1 else ''} waiting for "
                "moderation"
            ),
            url=reverse("networks_moderation"),
            link_text="Check the updates",
            kind="moderation",
        )
    ]
