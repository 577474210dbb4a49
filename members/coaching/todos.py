"""What pairings put on people's "Things to do" (website/todo.py).

A partner's open invitation waits on their answer, and a finished pairing waits on each side's
reflection until they send it. (Claims for sessions are on payments' own list.)
Registered in members/coaching/wagtail_hooks.py.
"""

from django.urls import reverse

from members.coaching import permissions as perms
from members.coaching.models import FINISHED
from members.coaching.queries import dashboard_pairings
from website import todo


def pairings_waiting(request):
    """Partners: each invitation until they answer; both sides: each finished pairing until
    they have sent their reflection."""
    user = request.user
    if not (user.is_authenticated and user.is_active):
        return []
    items = []
    for pairing in dashboard_pairings(request):
        role = perms.reflection_role(user, pairing)
        if perms.can_respond_to_invitation(user, pairing):
            items.append(
                todo.Todo(
                    text=(
                        "A leader would like coaching or mentoring from you. Please read "
                        "about it and accept or decline."
                    ),
                    url=reverse("members:pairing_respond", args=[pairing.pk]),
                    link_text=f"Respond to {pairing.reference}",
                    order=5,
                    kind="pairing_invitation",
                )
            )
        elif (
            pairing.status in FINISHED
            and role
            and not getattr(pairing, f"{role}_wrote")
        ):
            items.append(
                todo.Todo(
                    text=(
                        f"Your pairing {pairing.reference} has finished. Please tell us "
                        "how it went in a short reflection."
                    ),
                    url=reverse("members:pairing_reflect", args=[pairing.pk]),
                    link_text="Write your reflection",
                    order=6,
                    kind="pairing_reflection",
                )
            )
    return items
