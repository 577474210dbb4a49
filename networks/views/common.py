"""Lookups shared by the network views; each one 404s when the person has no business here."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from networks import permissions
from networks.models import NetworkPage


def live_network(slug):
    return get_object_or_404(
        NetworkPage.objects.live().select_related("region"), slug=slug
    )


def network_for_cochair(request, slug):
    """The network if the signed-in person co-chairs it today; otherwise 404 (AC-3).

    A 404 rather than 403 so the workspace does not confirm which networks exist to
    people who may not act on them.
    """
    network = live_network(slug)
    if not permissions.can_manage_network(request.user, network):
        raise Http404("No co-chair workspace here")
    return network
