"""What the learning pages read: a person's sets, and one set as its leaders or its
facilitators see it, in a fixed number of queries however many sessions and people."""

from django.db.models import Count, Q

from members.events.models import BookingStatus
from members.learning.models import (
    LearningSession,
    LearningSet,
    SetFacilitator,
    SetLeader,
    SetResource,
)


def sets_for(user):
    """The sets this person leads in or facilitates, newest first."""
    return (
        LearningSet.objects.filter(
            Q(leaders__leader=user) | Q(facilitators__partner=user)
        )
        .distinct()
        .select_related("region")
        .order_by("-starts_on", "-pk")
    )


def set_page(learning_set, user, role):
    """Everything the set's page shows to `role` ("leader" or "facilitator")."""
    sessions = list(
        LearningSession.objects.filter(learning_set=learning_set)
        .select_related("event")
        .annotate(
            came=Count(
                "event__bookings",
                filter=Q(
                    event__bookings__status=BookingStatus.CONFIRMED,
                    event__bookings__attended=True,
                ),
            ),
            booked=Count(
                "event__bookings",
                filter=Q(event__bookings__status=BookingStatus.CONFIRMED),
            ),
        )
        .order_by("number")
    )
    facilitators = list(
        SetFacilitator.objects.filter(learning_set=learning_set)
        .select_related("partner")
        .order_by("pk")
    )
    places = list(
        SetLeader.objects.filter(learning_set=learning_set).select_related("leader")
    )
    # Each leader sees the others who agreed to be shown, and themselves; facilitators
    # see who is in the set (they run it), with the same first names and organisations.
    shown = [
        place
        for place in places
        if role == "facilitator" or place.share_with_set or place.leader_id == user.pk
    ]
    return {
        "sessions": sessions,
        "facilitators": facilitators,
        "leaders": shown,
        "hidden": len(places) - len(shown),
        "resources": list(
            SetResource.objects.filter(learning_set=learning_set).select_related(
                "document"
            )
        ),
        "my_place": next((p for p in places if p.leader_id == user.pk), None),
    }
