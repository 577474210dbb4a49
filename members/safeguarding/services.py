"""The only writers of concerns and of the record of who opened them.

Raising stores the concern, writes an audit entry and tells the designated safeguarding
leads in one transaction (the email waits in the outbox until it commits). Every opening of
a concern, and of the log, is kept as a `ConcernView` beside the concern and as an audit
entry with a neutral label ("Concern 12"). Concerns never write to `website.activity`: they
stay out of the person's ordinary history, their data export and every figure.
"""

import logging

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from members.safeguarding import permissions as perms
from members.safeguarding.models import Concern, ConcernView
from members.safeguarding.notifications import CONCERN_RAISED
from website import audit, notify, roles

logger = logging.getLogger(__name__)

# Audit actions: (what someone does, what the entry says); registered in wagtail_hooks.
ACTIONS = {
    "members.concern_raised": ("Raise a concern", "Safeguarding concern raised"),
    "members.concern_viewed": ("Open a concern", "Safeguarding concern opened"),
    "members.concern_log_viewed": (
        "Open the concerns log",
        "Safeguarding concerns log opened",
    ),
    "members.concern_closed": ("Close a concern", "Safeguarding concern closed"),
}
LIMITS = {"person_concerned": 200, "others_involved": 2000, "what_happened": 5000}


class ConcernError(Exception):
    """A refusal to show the person as it is."""


def _clip(name, value):
    value = (value or "").strip()
    if len(value) > LIMITS[name]:
        raise ConcernError(f"Keep this to {LIMITS[name]:,} characters or fewer.")
    return value


def raise_concern(
    *,
    by,
    what_happened,
    about_self=False,
    person_concerned="",
    others_involved="",
    happened_on=None,
    immediate_risk=False,
):
    """Store a concern `by` raised and tell the leads; ConcernError if it cannot be."""
    if not perms.can_raise(by):
        raise ConcernError("Your account cannot raise a concern here.")
    what_happened = _clip("what_happened", what_happened)
    if not what_happened:
        raise ConcernError("Tell us what happened or what is worrying you.")
    if happened_on is not None and happened_on > timezone.localdate():
        raise ConcernError("Enter a date that is today or in the past.")
    with transaction.atomic():
        concern = Concern.objects.create(
            raised_by=by,
            about_self=bool(about_self),
            person_concerned=""
            if about_self
            else _clip("person_concerned", person_concerned),
            others_involved=_clip("others_involved", others_involved),
            what_happened=what_happened,
            happened_on=happened_on,
            immediate_risk=bool(immediate_risk),
        )
        audit.record(
            concern,
            "members.concern_raised",
            user=by,
            data={"immediate_risk": concern.immediate_risk},
        )
        sent = notify.notify(
            CONCERN_RAISED,
            roles.SAFEGUARDING,
            {
                "url": notify.absolute_url(
                    reverse("safeguarding_admin:detail", args=[concern.pk])
                ),
                "immediate_risk": concern.immediate_risk,
            },
            about=concern,
        )
    if not sent:
        # Stored safely, but nobody was told: the group has no active member.
        logger.warning(
            "Concern %s raised with no safeguarding lead to tell", concern.pk
        )
    return concern


def record_view(concern, viewer):
    """A lead opened one concern."""
    ConcernView.objects.create(concern=concern, viewer=viewer, action="viewed")
    audit.record(concern, "members.concern_viewed", user=viewer)


def record_log_view(viewer, *, page, status, risk):
    """A lead opened (a page of) the log: kept without a concern, audited on their own
    account as exports are, with the filters used and nothing from the concerns."""
    ConcernView.objects.create(concern=None, viewer=viewer, action="listed")
    audit.record(
        viewer,
        "members.concern_log_viewed",
        user=viewer,
        data={"page": page, "status": status, "risk": risk},
    )


def close_concern(concern, *, by, outcome):
    """Close an open concern with what was done; ConcernError if it cannot be."""
    outcome = (outcome or "").strip()
    if not outcome:
        raise ConcernError("Say what was done before closing the concern.")
    if len(outcome) > 5000:
        raise ConcernError("Keep this to 5,000 characters or fewer.")
    with transaction.atomic():
        concern = Concern.objects.select_for_update().get(pk=concern.pk)
        if not perms.can_read_log(by):
            raise ConcernError("Only the designated safeguarding leads close concerns.")
        if concern.status != Concern.Status.OPEN:
            raise ConcernError("This concern was already closed.")
        concern.status = Concern.Status.CLOSED
        concern.closed_at = timezone.now()
        concern.closed_by = by
        concern.outcome = outcome
        concern.save(update_fields=["status", "closed_at", "closed_by", "outcome"])
        ConcernView.objects.create(concern=concern, viewer=by, action="closed")
        audit.record(concern, "members.concern_closed", user=by)
    return concern
