"""Reflections on a learning set, once its last session is over: the core's questions
(website/reflections.py, as for pairings), and for leaders the confidence question they
answered when they joined, asked again. Figures and quotes for staff are aggregates:
no average is shown from fewer than MIN_ANSWERS answers, so nobody's own can be read off.
"""

from django.db import transaction
from django.db.models import Avg, Count, Max, Q
from django.utils import timezone

from members.accounts.services import clean_plain_text
from members.learning.models import (
    LearningSession,
    LearningSet,
    SetLeader,
    SetReflection,
)
from members.learning.services import LearningError
from website import activity, reflections

MIN_ANSWERS = 3
activity.register_verbs({"set_reflection": "Reflection sent"})


def is_over(learning_set):
    """The set has had sessions and the last one has ended (one query)."""
    last = LearningSession.objects.filter(learning_set=learning_set).aggregate(
        last=Max("event__ends_at")
    )["last"]
    return last is not None and last < timezone.now()


def mine(learning_set, user):
    return SetReflection.objects.filter(learning_set=learning_set, author=user).first()


@transaction.atomic
def submit(learning_set, *, by, role, answers, confidence=None):
    """Store the person's reflection (and a leader's confidence at the end)."""
    learning_set = LearningSet.objects.select_for_update().get(pk=learning_set.pk)
    if not is_over(learning_set):
        raise LearningError("Reflections open once the set's last session is over.")
    reflection = reflections.save_once(
        SetReflection,
        answers,
        clean=clean_plain_text,
        learning_set=learning_set,
        author=by,
        role=role,
    )
    if reflection is None:
        raise LearningError(reflections.ALREADY_SENT)
    if role == SetReflection.Role.LEADER and confidence is not None:
        SetLeader.objects.filter(learning_set=learning_set, leader=by).update(
            confidence_after=confidence
        )
    activity.record(learning_set, by=by, verb="set_reflection")
    return reflection


def confidence_figures(sets=None):
    """Leaders who answered the confidence question both times, and the averages before
    and after, across `sets` (all sets by default); averages only from MIN_ANSWERS up."""
    places = SetLeader.objects.filter(
        confidence_before__isnull=False, confidence_after__isnull=False
    )
    if sets is not None:
        places = places.filter(learning_set__in=sets)
    found = places.aggregate(
        n=Count("pk"), before=Avg("confidence_before"), after=Avg("confidence_after")
    )
    if found["n"] < MIN_ANSWERS:
        return {"n": found["n"], "before": None, "after": None}
    return {
        "n": found["n"],
        "before": round(found["before"], 1),
        "after": round(found["after"], 1),
    }


def quotes_for(learning_set):
    """What staff may quote from the set's reflections (consented, without names)."""
    return reflections.quotes(
        SetReflection.objects.filter(learning_set=learning_set, quote_consent=True)
    )


def waiting_for(user):
    """Sets this person is in whose last session is over and that they have not
    reflected on yet (one query)."""
    mine = LearningSet.objects.filter(
        Q(leaders__leader=user) | Q(facilitators__partner=user)
    ).values("pk")
    return list(
        LearningSet.objects.filter(pk__in=mine)
        .exclude(reflections__author=user)
        .annotate(last=Max("sessions__event__ends_at"))
        .filter(last__lt=timezone.now())
        .order_by("-last")
    )
