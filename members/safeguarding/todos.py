"""What safeguarding puts on the admin's "Things to do": open concerns, for the designated
safeguarding leads only, those with immediate risk first. One query, counts only."""

from django.db.models import Count, Q
from django.urls import reverse

from members.safeguarding import permissions as perms
from members.safeguarding.models import Concern
from website import todo


def open_concerns(request):
    if not perms.can_read_log(request.user):
        return []
    counts = Concern.objects.filter(status=Concern.Status.OPEN).aggregate(
        urgent=Count("pk", filter=Q(immediate_risk=True)),
        other=Count("pk", filter=Q(immediate_risk=False)),
    )
    log = reverse("safeguarding_admin:log")
    items = []
    if counts["urgent"]:
        n = counts["urgent"]
        items.append(
            todo.Todo(
                text=f"{n} open safeguarding concern{'s' if n != 1 else ''} "
                "with immediate risk",
                url=f"{log}?status=open&risk=yes",
                link_text="Open the concerns log",
                order=1,
                kind="concerns_urgent",
            )
        )
    if counts["other"]:
        n = counts["other"]
        items.append(
            todo.Todo(
                text=f"{n} open safeguarding concern{'s' if n != 1 else ''}",
                url=f"{log}?status=open&risk=no",
                link_text="Open the concerns log",
                order=2,
                kind="concerns_open",
            )
        )
    return items
