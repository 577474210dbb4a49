"""What learning sets put on "Things to do": an invitation to a set waiting for a reply,
and a reflection to write once a set's sessions are over."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Now
from django.urls import reverse

from members.learning import invitations
from members.learning import reflections as set_reflections
from members.learning.models import SetInvitation
from website import roles, todo

# Read with the person in the query that loads them: a dashboard with no invitation
# waiting asks nothing more.
roles.load_with_user(
    "learning_invitation_waiting",
    lambda: Exists(
        SetInvitation.objects.filter(
            email__iexact=OuterRef("email"),
            accepted_at__isnull=True,
            expires_at__gt=Now(),
        )
    ),
)


def invitations_waiting(request):
    user = request.user
    if not (user.is_authenticated and user.is_active):
        return []
    if roles.loaded(user, "learning_invitation_waiting") is False:
        return []
    return [
        todo.Todo(
            text=f"You are invited to join the learning set {invitation.learning_set.name}.",
            url=reverse("members:learning_join", args=[invitation.pk]),
            link_text="Reply to the invitation",
            order=5,
            due=invitation.expires_at,
        )
        for invitation in invitations.waiting_for(user)[:5]
    ]


def reflections_waiting(request):
    """A set whose sessions are over, and the person has not said what changed."""
    user = request.user
    if not (user.is_authenticated and user.is_active):
        return []
    if not roles.loaded(user, "in_learning_set"):  # read with the person (panels.py)
        return []
    return [
        todo.Todo(
            text=f"The sessions of {learning_set.name} are over: tell us what changed "
            "for you in a short reflection.",
            url=reverse("members:learning_reflection", args=[learning_set.pk]),
            link_text="Write your reflection",
            order=20,
        )
        for learning_set in set_reflections.waiting_for(user)[:3]
    ]
