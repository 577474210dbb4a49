"""Slots on the home page that other apps fill (open opportunities, networks), so `home`
imports neither of them (design.md §3).

Another app registers a slot in its `wagtail_hooks.py`::

    from home.slots import HOME_SLOT_HOOK, Slot

    @hooks.register(HOME_SLOT_HOOK)
    def closing_soon(request, page):
        return Slot(order=20, template="members/slots/closing_soon.html", context={...})

Return None to show nothing. Keep each slot to a fixed, small number of queries, loaded
before its template renders (lists, not lazy querysets).

A slot that every visitor of one kind sees alike is rendered once and reused through
`cached_slot` (website/fragments.py: until FRAGMENT_CACHE_SECONDS pass or anything public
changes), so most home-page requests build no slot at all::

    return cached_slot(request, "closing-soon", lambda: build(request), order=20,
                       vary="members" if members_see_more else "everyone")
"""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from wagtail import hooks

from website import fragments

HOME_SLOT_HOOK = "register_home_page_slot"


@dataclass
class Slot:
    template: str = ""
    order: int = 50
    context: dict = field(default_factory=dict)
    html: str = ""  # already rendered (a cached slot, a SafeString): shown as it is


def render(request, slot, page=None):
    """A slot's HTML: its template with its own context plus the page."""
    if slot.html:
        return slot.html  # render_to_string's SafeString, kept as it is by the store
    return render_to_string(
        slot.template, {**slot.context, "page": page}, request=request
    )


def cached_slot(request, name, build, *, order, vary=""):
    """The slot `build()` makes (or None), rendered once for everyone with the same `vary`
    and then served from the fragment store."""

    def rendered():
        slot = build()
        return render(request, slot) if slot is not None else ""

    html = fragments.cached(request, f"home-slot:{name}", rendered, vary=vary)
    return Slot(order=order, html=html) if html else None


def slots_for(request, page):
    slots = []
    for build in hooks.get_hooks(HOME_SLOT_HOOK):
        slot = build(request, page)
        if slot is not None:
            slots.append(slot)
    return sorted(slots, key=lambda slot: slot.order)
