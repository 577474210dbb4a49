"""The learning sets' panel on the portal dashboard: the person's current sets, with the
next session of each. Nothing (and no query) for people in no set."""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from members.learning import queries
from members.learning.models import LearningSession, SetFacilitator, SetLeader
from website import roles
from website.dashboard import Panel

roles.load_with_user(
    "in_learning_set",
    lambda: (
        Exists(SetLeader.objects.filter(leader=OuterRef("pk")))
        | Exists(SetFacilitator.objects.filter(partner=OuterRef("pk")))
    ),
)


def learning_panel(request):
    user = request.user
    if not (user.is_authenticated and roles.loaded(user, "in_learning_set")):
        return None
    sets = list(queries.sets_for(user).exclude(ends_on__lt=timezone.localdate())[:3])
    if not sets:
        return None
    upcoming = {}
    for session in (
        LearningSession.objects.filter(
            Q(learning_set__in=sets), event__ends_at__gte=timezone.now()
        )
        .select_related("event")
        .order_by("event__starts_at")
    ):
        upcoming.setdefault(session.learning_set_id, session)
    return Panel(
        order=9,
        template="members/learning/panel.html",
        context={
            "rows": [{"learning_set": s, "next": upcoming.get(s.pk)} for s in sets]
        },
    )
