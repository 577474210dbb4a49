"""Debriefs: a partner asks for one after a session; partner support staff arrange it.

The only writer of `DebriefRequest`. A request belongs to the partner and to the "Partner
support" group alone: it is never written to a pairing's or an event's history, never
emailed to anyone else, and the email to support staff says only that a partner asked,
with a link. Reusable for any session the partner took part in::

    debriefs.ask(partner, coaching_session=session)                 # a coaching session
    debriefs.ask(partner, event=event, note="...", contact_by="video")  # a learning set's

A second request for a session while the first is still open returns the first one (its
`repeated` is True), so a double click or a second visit makes no second request.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone

from members.coaching.models import PairingPartner, PairingSession
from members.events.models import BookingStatus, EventBooking
from members.learning.models import LearningSession
from members.models import User
from members.support import notifications
from members.support import permissions as perms
from members.support.models import DebriefRequest
from website import notify, roles

S = DebriefRequest.Status
Contact = DebriefRequest.Contact
OPEN = (S.WAITING, S.ARRANGED)
NOTE_LIMIT = 2000
# Support staff aim to get in touch within this long of a request.
ANSWER_WITHIN = timedelta(days=1)
MOVES = {S.WAITING: (S.ARRANGED, S.DONE), S.ARRANGED: (S.DONE,), S.DONE: ()}


class DebriefError(Exception):
    """A request that cannot be made or moved, with the reason in words for people."""


def set_of(event):
    """The learning set an event is a session of (None for any other event)."""
    return (
        LearningSession.objects.filter(event=event)
        .values_list("learning_set_id", flat=True)
        .first()
    )


def took_part(partner, *, coaching_session=None, event=None):
    """Whether `partner` was part of the session: the accepted partner of the coaching
    pairing, or a facilitator of the learning set or someone with a place at the event."""
    if coaching_session is not None:
        return PairingPartner.objects.filter(
            pairing_id=coaching_session.pairing_id,
            partner=partner,
            status=PairingPartner.Status.ACCEPTED,
        ).exists()
    if event is not None:
        if event.starts_at > timezone.now():
            return False
        facilitated = LearningSession.objects.filter(
            event=event, learning_set__facilitators__partner=partner
        )
        booked = EventBooking.objects.filter(
            event=event, user=partner, status=BookingStatus.CONFIRMED
        ).exclude(attended=False)
        return facilitated.exists() or booked.exists()
    return False


def session_of(partner, pk):
    """The coaching session `pk` if `partner` took part in it, else None (never a hint
    that it exists)."""
    session = PairingSession.objects.select_related("pairing").filter(pk=pk).first()
    if session is None or not took_part(partner, coaching_session=session):
        return None
    return session


def _open_request(partner, coaching_session, event):
    return (
        DebriefRequest.objects.filter(
            partner=partner,
            coaching_session=coaching_session,
            event=event,
            status__in=OPEN,
        )
        .order_by("-created_at", "-pk")
        .first()
    )


@transaction.atomic
def ask(
    partner,
    *,
    coaching_session=None,
    event=None,
    note="",
    contact_by=Contact.PHONE,
):
    """Store the partner's request and tell partner support staff (no details)."""
    if (coaching_session is None) == (event is None):
        raise DebriefError("Say which session the debrief is about.")
    if not took_part(partner, coaching_session=coaching_session, event=event):
        raise DebriefError(
            "You can ask for a debrief only after a session you were in."
        )
    if contact_by not in Contact.values:
        raise DebriefError("Choose how you would like us to get in touch.")
    note = (note or "").strip()
    if len(note) > NOTE_LIMIT:
        raise DebriefError(f"Keep the note to {NOTE_LIMIT} characters or fewer.")
    # One request at a time per partner: a double click waits here, then finds the first.
    User.objects.select_for_update().filter(pk=partner.pk).first()
    existing = _open_request(partner, coaching_session, event)
    if existing is not None:
        existing.repeated = True
        return existing
    debrief = DebriefRequest.objects.create(
        partner=partner,
        coaching_session=coaching_session,
        event=event,
        note=note,
        contact_by=contact_by,
    )
    notify.notify(
        notifications.DEBRIEF_REQUESTED,
        [roles.SUPPORT],
        {
            "debrief_url": notify.absolute_url(
                reverse("debriefs_admin:detail", args=[debrief.pk])
            )
        },
        about=debrief,
    )
    debrief.repeated = False
    return debrief


@transaction.atomic
def mark(debrief, status, *, by):
    """Support staff mark a request arranged or done."""
    if not perms.can_answer_debriefs(by):
        raise DebriefError("Only partner support staff can change a debrief request.")
    debrief = DebriefRequest.objects.select_for_update().get(pk=debrief.pk)
    if status not in MOVES[debrief.status]:
        raise DebriefError(
            f"This request is already {debrief.get_status_display().lower()}; "
            "nothing was changed."
        )
    debrief.status = status
    debrief.handled_by = by
    debrief.handled_at = timezone.now()
    debrief.save(update_fields=["status", "handled_by", "handled_at"])
    return debrief


def requests_of(partner):
    """The partner's own requests, newest first, with what they were about."""
    return DebriefRequest.objects.filter(partner=partner).select_related(
        "coaching_session__pairing", "event"
    )


def for_sessions(partner, session_ids):
    """`{session_id: latest request}` for these coaching sessions, in one query."""
    found = {}
    rows = DebriefRequest.objects.filter(
        partner=partner, coaching_session_id__in=list(session_ids)
    ).order_by("created_at", "pk")
    for debrief in rows:
        found[debrief.coaching_session_id] = debrief
    return found


def waiting():
    """How many requests wait for someone to get in touch, and since when."""
    return DebriefRequest.objects.filter(status=S.WAITING).aggregate(
        count=Count("pk"), oldest=Min("created_at")
    )


def staff_list(status=""):
    """Requests for the support staff's list: open ones unless a status is chosen."""
    rows = DebriefRequest.objects.select_related(
        "partner", "coaching_session", "event", "handled_by"
    )
    if status in S.values:
        return rows.filter(status=status)
    return rows.filter(Q(status__in=OPEN))
