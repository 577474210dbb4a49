"""A network organises its own meetings: registered with members.events (owners.py) so
events know that only the network's members book them and its co-chairs organise them."""

from django.db.models import Q

from members.events import owners
from networks import permissions, terms
from networks.models import NetworkPage


def network_of(event):
    """The network that organises `event`, or None; read once per event object."""
    if not hasattr(event, "_voices_network"):
        event._voices_network = NetworkPage.objects.filter(
            event_links__event_id=event.pk
        ).first()
    return event._voices_network


class NetworkOwner(owners.Owner):
    def may_book(self, user, event):
        network = network_of(event)
        return network is not None and permissions.is_network_member(user, network)

    def organises(self, user, event):
        ids = terms.cochaired_network_ids(user)
        if not ids:
            return False
        network = network_of(event)
        return network is not None and network.pk in ids

    def organised(self, user):
        ids = terms.cochaired_network_ids(user)
        return Q(network_link__network_id__in=ids) if ids else Q(pk__in=[])

    def linked(self, event):
        network = network_of(event)
        return None if network is None else (network.title, network.url)
