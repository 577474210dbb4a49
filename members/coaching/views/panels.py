"""The portal dashboard's pairings panel (registered in members/coaching/wagtail_hooks.py)."""

from members.coaching import permissions as perms
from members.coaching.models import (
    FINISHED,
    Pairing,
    PairingPartner,
)
from members.coaching.queries import dashboard_pairings
from members.coaching.views.access import (
    viewer_role,
)
from website.dashboard import Panel

S = Pairing.Status


def pairings_panel(request):
    """Current pairings on the dashboard; nothing for people without one."""
    rows = [
        pairing
        for pairing in dashboard_pairings(request)
        if pairing.status not in FINISHED
        and perms.can_view_pairing(request.user, pairing)
        and not (
            (row := perms.partner_row(request.user, pairing))
            and row.status == PairingPartner.Status.DECLINED
        )
    ]
    rows = rows[:5]
    if not rows:
        return None
    return Panel(
        order=8,
        template="members/pairings/panels/my_pairings.html",
        context={
            "rows": [
                {"pairing": pairing, "role": viewer_role(request.user, pairing)}
                for pairing in rows
            ]
        },
    )
