"""The only writers of learning sets: staff set one up with its facilitators, add its
sessions (each an event, its people given places) and resources; facilitators keep a
private note per session. Invitations and joining are in members/learning/invitations.py.

    learning_set = services.create_set(by=staff, facilitators=[(pat, "Pat …")], **fields)
    session = services.add_session(learning_set, by=staff, starts_at=…, ends_at=…)
"""

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from members.accounts.profiles import is_partner
from members.events import enrolment
from members.events.models import Event, EventAudience, EventKind
from members.events.slugs import free_slug
from members.learning import notifications
from members.learning.models import (
    MAX_FACILITATORS,
    LearningSession,
    LearningSet,
    SetFacilitator,
    SetLeader,
    SetResource,
)
from members.payments.models import Involvement, PaidEvent
from website import activity, notify

activity.register_verbs(
    {
        "set_created": "Learning set set up",
        "session_added": "Session added",
        "resource_added": "Resource shared",
        "leader_joined": "Leader joined",
        "set_invited": "Leaders invited",
    }
)


class LearningError(Exception):
    """Refused, with a message for the person; nothing was changed."""


@transaction.atomic
def create_set(*, by, facilitators, **fields):
    """A set with one or two facilitating partners: `facilitators` is [(user, bio)]."""
    chosen = [(user, bio) for user, bio in facilitators if user is not None]
    if not 1 <= len({user.pk for user, _bio in chosen}) <= MAX_FACILITATORS:
        raise LearningError("Choose one or two partners to facilitate the set.")
    if len({user.pk for user, _bio in chosen}) != len(chosen):
        raise LearningError("Choose two different partners, or just one.")
    for user, _bio in chosen:
        if not is_partner(user):
            raise LearningError(
                f"{user.get_full_name() or 'That person'} is not a Lived Experience "
                "Partner, so cannot facilitate a set."
            )
    learning_set = LearningSet.objects.create(created_by=by, **fields)
    SetFacilitator.objects.bulk_create(
        SetFacilitator(learning_set=learning_set, partner=user, bio=bio[:600])
        for user, bio in chosen
    )
    activity.record(learning_set, by=by, verb="set_created")
    return learning_set


def people_of(learning_set):
    """The set's facilitators and leaders (the users), facilitators first."""
    facilitators = [
        f.partner
        for f in SetFacilitator.objects.filter(
            learning_set=learning_set
        ).select_related("partner")
    ]
    leaders = [
        place.leader
        for place in SetLeader.objects.filter(learning_set=learning_set).select_related(
            "leader"
        )
    ]
    return facilitators, leaders


@transaction.atomic
def add_session(learning_set, *, by, starts_at, ends_at, tell=True, **fields):
    """The set's next session: an invited-only event of the learning-set kind, paid to
    the facilitators who come, with a place for everyone in the set, who are told
    (`tell=False`: the demo, which emails nobody)."""
    if ends_at <= starts_at:
        raise LearningError("The session must end after it starts.")
    learning_set = LearningSet.objects.select_for_update().get(pk=learning_set.pk)
    number = (learning_set.sessions.aggregate(n=Max("number"))["n"] or 0) + 1
    title = f"{learning_set.name}: session {number}"[:150]
    event = Event.objects.create(
        slug=free_slug(title, starts_at, "learning-set"),
        title=title,
        summary=f"Session {number} of the learning set {learning_set.name}."[:300],
        kind=EventKind.LEARNING_SET,
        audience=EventAudience.INVITED,
        format=learning_set.format,
        region_id=learning_set.region_id,
        starts_at=starts_at,
        ends_at=ends_at,
        capacity=learning_set.places + MAX_FACILITATORS,
        **fields,
    )
    session = LearningSession.objects.create(
        learning_set=learning_set, event=event, number=number
    )
    PaidEvent.objects.get_or_create(
        event=event, defaults={"involvement": Involvement.LEARNING_SET}
    )
    facilitators, leaders = people_of(learning_set)
    enrolment.enrol(event, facilitators + leaders, by=by)
    activity.record(learning_set, by=by, verb="session_added", note=title)
    if not tell:
        return session
    url = notify.absolute_url(reverse("members:learning_set", args=[learning_set.pk]))
    notify.notify_each(
        notifications.SESSION_ADDED,
        [
            (person, {"learning_set": learning_set, "event": event, "url": url}, event)
            for person in facilitators + leaders
        ],
    )
    return session


def enrol_in_sessions_to_come(learning_set, user):
    """A leader who joins gets a place on every session not yet held."""
    for session in learning_set.sessions.select_related("event").filter(
        event__ends_at__gte=timezone.now()
    ):
        enrolment.enrol(session.event, [user])


@transaction.atomic
def add_resource(learning_set, *, by, title, url="", document=None):
    if not (url or document):
        raise LearningError("Give a link or choose a document to share.")
    resource = SetResource.objects.create(
        learning_set=learning_set, title=title, url=url, document=document, added_by=by
    )
    activity.record(learning_set, by=by, verb="resource_added", note=title[:100])
    return resource


def save_note(session, *, by, text):
    """The facilitators' private note on a session: never shown to leaders."""
    LearningSession.objects.filter(pk=session.pk).update(facilitators_note=text[:5000])
