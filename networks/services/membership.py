"""Joining and leaving a network, join requests and the member directory."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from members.events import services as bookings
from members.events.models import BookingStatus, EventBooking, EventStatus
from networks import notifications, permissions
from networks.models.choices import JoinMode
from networks.models.membership import JoinRequest, JoinRequestStatus, NetworkMembership
from networks.models.pages import NetworkPage
from networks.services.errors import NetworkActionError


def member_directory(network):
    """Members as each allowed: the template shows region and bio only if they said so.

    Only the user, region and this membership are loaded; nothing else from the profile
    (special-category fields stay in the database, DP-3).
    """
    return (
        NetworkMembership.objects.filter(network_id=network.pk)
        .select_related("user", "user__profile__region")
        .only(
            "visibility",
            "short_bio",
            "joined_at",
            "network_id",
            "user__first_name",
            "user__last_name",
            "user__preferred_name",
            "user__email",
            "user__profile__id",
            "user__profile__region__name",
        )
        .order_by("user__first_name", "user__last_name", "pk")
    )


@transaction.atomic
def join_network(user, network, message=""):
    """Join an open network at once, or ask to join a by-request one. Returns a word
    saying what happened: "joined", "requested", "already_member" or "already_requested"."""
    if not permissions.can_join_network(user, network):
        raise NetworkActionError("This network is not taking requests to join.")
    if NetworkMembership.objects.filter(network_id=network.pk, user=user).exists():
        return "already_member"
    if network.join_mode == JoinMode.OPEN:
        NetworkMembership.objects.get_or_create(network=network, user=user)
        return "joined"
    if JoinRequest.objects.filter(
        network_id=network.pk, user=user, status=JoinRequestStatus.PENDING
    ).exists():
        return "already_requested"
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(
                network=network, user=user, message=message
            )
    except IntegrityError:
        return "already_requested"
    notifications.join_request_received(join_request)
    return "requested"


@transaction.atomic
def decide_join_request(cochair, join_request, approve):
    """A co-chair approves or declines; the member is told by email either way."""
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if not permissions.can_decide_join_request(cochair, join_request):
        raise NetworkActionError("This request has already been decided.")
    join_request.status = (
        JoinRequestStatus.APPROVED if approve else JoinRequestStatus.DECLINED
    )
    join_request.decided_by = cochair
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["status", "decided_by", "decided_at"])
    if approve:
        NetworkMembership.objects.get_or_create(
            network_id=join_request.network_id, user_id=join_request.user_id
        )
    notifications.join_request_decided(join_request)
    return join_request


def registrations_given_up_by_leaving(user, network):
    """Upcoming places and waiting-list spots that leaving would give up, so the member is
    told before they confirm."""
    return (
        EventBooking.objects.filter(
            user=user,
            event__network_link__network_id=network.pk,
            event__ends_at__gte=timezone.now(),
            event__status=EventStatus.SCHEDULED,
        )
        .exclude(status=BookingStatus.CANCELLED)
        .select_related("event")
        .order_by("event__starts_at")
    )


@transaction.atomic
def leave_network(user, network):
    """Leave a network: the membership goes and places at future meetings are freed."""
    deleted, _ = NetworkMembership.objects.filter(
        network_id=network.pk, user=user
    ).delete()
    JoinRequest.objects.filter(
        network_id=network.pk, user=user, status=JoinRequestStatus.PENDING
    ).update(status=JoinRequestStatus.WITHDRAWN)
    for booking in registrations_given_up_by_leaving(user, network):
        bookings.cancel(booking)
    return bool(deleted)


def add_invited_member(user, network_slug):
    network = NetworkPage.objects.filter(slug=network_slug).first()
    if network is None:
        return None
    membership, _ = NetworkMembership.objects.get_or_create(network=network, user=user)
    return membership
