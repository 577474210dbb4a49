"""Which pairings a person may open, and how the portal names them.

Anyone else gets a 404. A partner sees the leader's name and contact details only after
accepting and being introduced (consent before contact); a leader sees the partner's first
name and short bio once introduced.
"""

from django.http import Http404
from django.urls import reverse

from members.coaching import permissions as perms
from members.coaching.models import (
    Pairing,
)
from members.coaching.queries import pairings_for

S = Pairing.Status
PORTAL_CRUMB = ("Your portal", "/portal/")


def get_pairing_or_404(request, pk):
    pairing = (
        pairings_for(request.user)
        .select_related("leader", "enquiry", "leader__profile")
        .filter(pk=pk)
        .first()
    )
    if pairing is None or not perms.can_view_pairing(request.user, pairing):
        raise Http404("No such pairing")
    return pairing


def pairing_crumbs(pairing=None):
    items = [PORTAL_CRUMB, ("Your pairings", reverse("members:pairing_list"))]
    if pairing is not None:
        items.append(
            (pairing.reference, reverse("members:pairing_detail", args=[pairing.pk]))
        )
    return items


def viewer_role(user, pairing):
    return "leader" if perms.is_pairing_leader(user, pairing) else "partner"
