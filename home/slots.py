"""Slots on the home page that other apps fill (open opportunities, networks), so `home`
imports neither of them (design.md §3).

Another app registers a slot in its `wagtail_hooks.py`::

    from home.slots import HOME_SLOT_HOOK, Slot

    @hooks.register(HOME_SLOT_HOOK)
    def closing_soon(request, page):
        return Slot(order=20, template="members/slots/closing_soon.html", context={...})

Return None to show nothing. Keep each slot to a fixed, small number of queries.
"""

from dataclasses import dataclass, field

from wagtail import hooks

HOME_SLOT_HOOK = "register_home_page_slot"


@dataclass
class Slot:
    template: str
    order: int = 50
    context: dict = field(default_factory=dict)


def slots_for(request, page):
    slots = []
    for build in hooks.get_hooks(HOME_SLOT_HOOK):
        slot = build(request, page)
        if slot is not None:
            slots.append(slot)
    return sorted(slots, key=lambda slot: slot.order)
