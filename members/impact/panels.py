"""The equality questions on the portal dashboard: a small panel, shown until the person
answers them or chooses not to. It is not a "thing to do" (nothing needs doing: every
question is optional). Read with the person (website/roles.py), so a dashboard asks
nothing more."""

from django.db.models import Exists, OuterRef

from members.impact.models import EqualityAnswers
from website import roles
from website.dashboard import Panel

roles.load_with_user(
    "equality_asked",
    lambda: Exists(EqualityAnswers.objects.filter(user=OuterRef("pk"))),
)


def equality_questions(request):
    user = request.user
    if not (user.is_authenticated and user.is_active):
        return None
    asked = roles.loaded(user, "equality_asked")
    if asked is None:
        asked = EqualityAnswers.objects.filter(user=user).exists()
    if asked or not roles.in_group(user, roles.MEMBERS):
        return None
    return Panel(order=95, template="members/impact/panel.html")
