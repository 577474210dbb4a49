"""Network meetings: places, the waiting list and who is promoted when a place frees."""

from django.db import transaction
from django.utils import timezone

from networks import notifications
from networks.models.meetings import Meeting, MeetingRegistration, RegistrationStatus
from networks.services.errors import NetworkActionError


@transaction.atomic
def register_for_meeting(user, meeting, access_needs=""):
    """Give the member a place, or a waiting-list spot when full. The meeting row is locked
    (PostgreSQL) or the write transaction is immediate (SQLite), so places never over-book.
    `access_needs` is only what the member ticked to share for this booking."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    confirmed = MeetingRegistration.objects.filter(
        meeting=meeting, status=RegistrationStatus.CONFIRMED
    )
    existing = MeetingRegistration.objects.filter(meeting=meeting, user=user).first()
    if existing and existing.status != RegistrationStatus.CANCELLED:
        return existing
    status = (
        RegistrationStatus.CONFIRMED
        if confirmed.count() < meeting.places
        else RegistrationStatus.WAITING
    )
    if existing:
        existing.status = status
        existing.access_needs = access_needs
        existing.created_at = timezone.now()  # back of the queue on re-registering
        existing.save(
            update_fields=["status", "access_needs", "created_at", "updated_at"]
        )
        return existing
    return MeetingRegistration.objects.create(
        meeting=meeting, user=user, status=status, access_needs=access_needs
    )


def current_registration(user, meeting):
    """The member's place or waiting-list spot at this meeting, or None."""
    return (
        MeetingRegistration.objects.filter(meeting=meeting, user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )


def places_left(meeting):
    confirmed = MeetingRegistration.objects.filter(
        meeting=meeting, status=RegistrationStatus.CONFIRMED
    ).count()
    return max(meeting.places - confirmed, 0)


@transaction.atomic
def cancel_registration(user, meeting):
    """Free a place; the longest-waiting member is promoted and told by email."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    registration = MeetingRegistration.objects.filter(
        meeting=meeting, user=user
    ).first()
    if registration is None or registration.status == RegistrationStatus.CANCELLED:
        return None
    was_confirmed = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.CANCELLED
    registration.access_needs = ""  # shared for attending; no longer needed
    registration.save(update_fields=["status", "access_needs", "updated_at"])
    promoted = None
    if was_confirmed:
        promoted = promote_from_waiting_list(meeting)
    return promoted


def promote_from_waiting_list(meeting):
    confirmed = MeetingRegistration.objects.filter(
        meeting=meeting, status=RegistrationStatus.CONFIRMED
    ).count()
    if confirmed >= meeting.places:
        return None
    promoted = (
        MeetingRegistration.objects.filter(
            meeting=meeting, status=RegistrationStatus.WAITING
        )
        .select_related("user", "meeting__network")
        .order_by("created_at", "pk")
        .first()
    )
    if promoted:
        promoted.status = RegistrationStatus.CONFIRMED
        promoted.save(update_fields=["status", "updated_at"])
        notifications.place_confirmed(promoted)
    return promoted


@transaction.atomic
def add_meeting(user, network, **fields):
    return Meeting.objects.create(network=network, created_by=user, **fields)


# What a booked member is told when a co-chair changes a meeting. Joining details and
# accessibility can be long, so the email says they changed and the page has the text.
CHANGE_LABELS = {
    "title": "Title",
    "starts_at": "Starts",
    "ends_at": "Ends",
    "format": "How",
    "place_summary": "Where",
    "joining_details": "Joining details",
    "accessibility": "Accessibility information",
    "places": "Number of places",
}


def _booked(meeting):
    """Everyone holding a place or a waiting-list spot, the people a change concerns."""
    return list(
        MeetingRegistration.objects.filter(meeting=meeting)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("user")
    )


@transaction.atomic
def change_meeting(user, meeting, **fields):
    """A co-chair edits a meeting. Booked members are emailed what changed; more places
    promote from the waiting list. Returns the labels of what changed (empty: nothing)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    changed = [
        name for name, value in fields.items() if getattr(meeting, name) != value
    ]
    if not changed:
        return []
    confirmed = MeetingRegistration.objects.filter(
        meeting=meeting, status=RegistrationStatus.CONFIRMED
    ).count()
    if fields.get("places", meeting.places) < confirmed:
        raise NetworkActionError(
            f"{confirmed} members already have a place, so there must be at least "
            f"{confirmed} places. Ask members to cancel first if you need fewer."
        )
    for name in changed:
        setattr(meeting, name, fields[name])
    meeting.save(update_fields=changed)
    while promote_from_waiting_list(meeting):
        pass
    labels = [CHANGE_LABELS.get(name, name) for name in changed]
    # Places alone concern nobody already booked: their place is theirs either way.
    if set(changed) - {"places"}:
        notifications.meeting_changed(meeting, _booked(meeting), labels)
    return labels


@transaction.atomic
def cancel_meeting(user, meeting):
    """A co-chair cancels a meeting: every place and waiting-list spot goes with it and
    each booked member is emailed. The meeting is removed so it is offered nowhere."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    booked = _booked(meeting)
    notifications.meeting_cancelled(meeting, booked)
    meeting.delete()
    return len(booked)
