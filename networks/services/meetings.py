"""Network meetings: places, the waiting list and who is promoted when a place frees."""

from django.db import transaction
from django.utils import timezone

from networks import notifications
from networks.models.meetings import Meeting, MeetingRegistration, RegistrationStatus


@transaction.atomic
def register_for_meeting(user, meeting):
    """Give the member a place, or a waiting-list spot when full. The meeting row is locked
    (PostgreSQL) or the write transaction is immediate (SQLite), so places never over-book."""
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
        existing.created_at = timezone.now()  # back of the queue on re-registering
        existing.save(update_fields=["status", "created_at", "updated_at"])
        return existing
    return MeetingRegistration.objects.create(meeting=meeting, user=user, status=status)


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
    registration.save(update_fields=["status", "updated_at"])
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
