"""The portal dashboard's pairings panel and things to do (registered in
members/wagtail_hooks.py)."""

from django.urls import reverse

from members.coaching import permissions as perms
from members.coaching.models import (
    Pairing,
    PairingPartner,
)
from members.coaching.views.access import (
    pairings_for,
    viewer_role,
)
from website import todo
from website.dashboard import Panel

S = Pairing.Status


def _panel_rows(request):
    """Fetched once per request and shared by the panel and the "Things to do" item."""
    if not hasattr(request, "_pairing_panel_rows"):
        request._pairing_panel_rows = list(
            pairings_for(request.user)
            .exclude(status__in=(S.COMPLETED, S.ENDED_EARLY, S.PARTNER_DECLINED))
            .order_by("-created_at")[:5]
        )
    return request._pairing_panel_rows


def pairings_panel(request):
    """Current pairings on the dashboard; nothing for people without one."""
    rows = [
        pairing
        for pairing in _panel_rows(request)
        if perms.can_view_pairing(request.user, pairing)
        and not (
            (row := perms.partner_row(request.user, pairing))
            and row.status == PairingPartner.Status.DECLINED
        )
    ]
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


def pairing_attention(request):
    """A partner's open invitation is a task on their dashboard."""
    return [
        todo.Todo(
            text=(
                "A leader would like coaching or mentoring from you. Please read about it "
                "and accept or decline."
            ),
            url=reverse("members:pairing_respond", args=[pairing.pk]),
            link_text=f"Respond to {pairing.reference}",
            order=5,
        )
        for pairing in _panel_rows(request)
        if perms.can_respond_to_invitation(request.user, pairing)
    ]
