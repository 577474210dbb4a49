"""A learning set owns its sessions' events (registered with members.events.owners from
MembersConfig.ready): its facilitators organise them (mark attendance) and only they are
paid for coming; the event's page names the set, linked to its portal page."""

from django.db.models import Q
from django.urls import reverse

from members.events import owners
from members.learning.models import LearningSession, SetFacilitator, SetLeader


def _session(event):
    if not hasattr(event, "_voices_learning"):
        event._voices_learning = (
            LearningSession.objects.filter(event_id=event.pk)
            .select_related("learning_set")
            .first()
        )
    return event._voices_learning


class LearningSetOwner(owners.Owner):
    def may_book(self, user, event):
        session = _session(event)
        return session is not None and (
            SetLeader.objects.filter(
                learning_set_id=session.learning_set_id, leader=user
            ).exists()
            or self.organises(user, event)
        )

    def organises(self, user, event):
        session = _session(event)
        return (
            session is not None
            and SetFacilitator.objects.filter(
                learning_set_id=session.learning_set_id, partner=user
            ).exists()
        )

    def organised(self, user):
        # A subquery, not a join: ORed with other owners' Qs, a join on facilitators
        # would repeat events.
        sets = SetFacilitator.objects.filter(partner=user).values("learning_set_id")
        return Q(learning_session__learning_set_id__in=sets)

    def linked(self, event):
        session = _session(event)
        if session is None:
            return None
        learning_set = session.learning_set
        return (
            learning_set.name,
            reverse("members:learning_set", args=[learning_set.pk]),
        )

    def unpaid(self, event):
        session = _session(event)
        if session is None:
            return None
        facilitators = SetFacilitator.objects.filter(
            learning_set_id=session.learning_set_id
        ).values("partner_id")
        return ~Q(user_id__in=facilitators)
