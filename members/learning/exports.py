"""Learning sets in a person's data download, and what erasure does to them: a leader's
place (organisation, whether shown, confidence answers), their reflections and their
invitations are theirs and go; a facilitator's introduction and the session notes of their sets are blanked (the set
keeps that it had a facilitator)."""

from django.db import transaction

from members.learning.models import (
    LearningSession,
    SetFacilitator,
    SetInvitation,
    SetLeader,
    SetReflection,
)
from website.dataexport import ExportSection, erases


def export_learning(user):
    records = [
        {
            "learning_set": row["learning_set__name"],
            "role": "leader",
            "organisation": row["organisation"],
            "shown_to_the_set": row["share_with_set"],
            "confidence_when_joining": row["confidence_before"],
            "confidence_at_the_end": row["confidence_after"],
            "joined_at": row["joined_at"],
        }
        for row in SetLeader.objects.filter(leader=user).values(
            "learning_set__name",
            "organisation",
            "share_with_set",
            "confidence_before",
            "confidence_after",
            "joined_at",
        )
    ]
    records += [
        {
            "learning_set": row["learning_set__name"],
            "role": "facilitator",
            "bio": row["bio"],
        }
        for row in SetFacilitator.objects.filter(partner=user).values(
            "learning_set__name", "bio"
        )
    ]
    records += [
        {
            "invitation_to": row["learning_set__name"],
            "name": row["name"],
            "organisation": row["organisation"],
            "invited_at": row["invited_at"],
            "accepted_at": row["accepted_at"],
        }
        for row in SetInvitation.objects.filter(email__iexact=user.email).values(
            "learning_set__name", "name", "organisation", "invited_at", "accepted_at"
        )
    ]
    records += [
        {
            "reflection_on": row["learning_set__name"],
            "role": row["role"],
            "what_changed": row["what_changed"],
            "what_helped": row["what_helped"],
            "would_recommend": row["would_recommend"],
            "anything_else": row["anything_else"],
            "may_be_quoted": row["quote_consent"],
            "sent_at": row["created_at"],
        }
        for row in SetReflection.objects.filter(author=user).values(
            "learning_set__name",
            "role",
            "what_changed",
            "what_helped",
            "would_recommend",
            "anything_else",
            "quote_consent",
            "created_at",
        )
    ]
    if not records:
        return None
    return ExportSection(
        key="learning_sets",
        title="Learning sets",
        order=62,
        records=records,
        description="Your places in learning sets, your answers, and invitations.",
    )


@erases(
    "members.SetLeader",
    "members.SetInvitation",
    "members.SetFacilitator",
    "members.LearningSession",
    "members.SetReflection",
)
@transaction.atomic
def erase_learning(user):
    SetLeader.objects.filter(leader=user).delete()
    SetReflection.objects.filter(author=user).delete()
    SetInvitation.objects.filter(email__iexact=user.email).delete()
    # The notes facilitators keep are theirs (and may name leaders): blanked with them.
    LearningSession.objects.filter(learning_set__facilitators__partner=user).update(
        facilitators_note=""
    )
    SetFacilitator.objects.filter(partner=user).update(bio="")
