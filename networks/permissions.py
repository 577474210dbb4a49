"""Who may do what in a network. Views, templates and tests all ask these functions.

Co-chair rights come from the dates of a `NetworkCoChair` term, checked on every request,
so they end the day after the term ends without any scheduled job.
"""

from django.utils import timezone

from networks.models.choices import JoinMode
from networks.models.membership import (
    JoinRequestStatus,
    NetworkCoChair,
    NetworkMembership,
)
from website import roles


def _active(user):
    return bool(user and user.is_authenticated and user.is_active)


def current_cochair_term(user, network, today=None):
    """The co-chair term `user` holds today for `network`, or None."""
    if not _active(user):
        return None
    today = today or timezone.localdate()
    network_id = getattr(network, "pk", network)
    terms = NetworkCoChair.objects.filter(
        user=user, network_id=network_id, term_start__lte=today
    )
    for term in terms:
        if term.term_end is None or term.term_end >= today:
            return term
    return None


def is_cochair(user, network):
    return current_cochair_term(user, network) is not None


def is_cochair_of(user, network=None):
    """The co-chair role (website.roles.COCHAIR) for a network page or its id."""
    return network is not None and is_cochair(user, network)


roles.register(roles.COCHAIR, is_cochair_of)


def is_network_member(user, network):
    """Members see members-only updates and meeting details; co-chairs count as members."""
    if not _active(user):
        return False
    return NetworkMembership.objects.filter(
        user=user, network_id=network.pk
    ).exists() or is_cochair(user, network)


def is_programme_staff(user):
    return _active(user) and (user.is_superuser or roles.is_staff(user))


def can_manage_network(user, network):
    """The co-chair workspace: current co-chairs of this network only."""
    return is_cochair(user, network)


def can_post_update(user, network):
    return is_cochair(user, network)


def can_edit_update(user, update):
    return is_cochair(user, update.network)


def can_decide_join_request(user, join_request):
    return join_request.status == JoinRequestStatus.PENDING and is_cochair(
        user, join_request.network
    )


def can_add_meeting(user, network):
    return is_cochair(user, network)


def can_view_network_enquiries(user, network):
    return is_cochair(user, network)


def can_join_network(user, network):
    """Signed-in members may join open networks or ask to join by-request ones."""
    return (
        _active(user)
        and not network.is_setting_up
        and network.join_mode != JoinMode.INVITATION
    )


def can_moderate_updates(user):
    return _active(user) and user.has_perm("networks.moderate_cochairupdate")
