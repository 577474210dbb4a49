"""The portal dashboard is built from panels that each app registers, so `members` never
imports `networks` (design.md §3).

An app registers a panel in its `wagtail_hooks.py`::

    @hooks.register(PANEL_HOOK)
    def my_networks_panel(request):
        return Panel(order=10, template="networks/panels/my_networks.html", context={...})

A panel function returns None when it has nothing to show for this user. Each function should
run a small, fixed number of queries whatever the member's data (the dashboard has a budget).
"""

from dataclasses import dataclass, field

from wagtail import hooks

from website import sites

PANEL_HOOK = "register_portal_panel"


@dataclass
class Panel:
    template: str
    order: int = 50
    context: dict = field(default_factory=dict)


def panels_for(request):
    # The site, found once (Wagtail keeps it on the request): panels' page links then run
    # no query while their templates render.
    sites.find(request)
    panels = []
    for build in hooks.get_hooks(PANEL_HOOK):
        panel = build(request)
        if panel is not None:
            panels.append(panel)
    return sorted(panels, key=lambda panel: panel.order)
