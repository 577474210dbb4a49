"""Figures other apps add to the impact report without `members` importing them.

`networks` owns networks, their members and "you said, we did"; it registers a function
that returns `Figure` specs from its `wagtail_hooks.py`, as `website/todo.py` providers do::

    @hooks.register(registry.FIGURES)
    def network_figures():
        return [registry.Figure("networks", "Networks", registry.REACH, ...)]
"""

from dataclasses import dataclass, field

from wagtail import hooks

FIGURES = "register_impact_figures"

REACH = "reach"
CHANGE = "change"
POWER = "power"


@dataclass(frozen=True)
class Figure:
    """One count the report makes: the rows it counts, the date each row falls on (for
    the date range and the months) and its region. `strands` maps a programme strand to
    a filter on the rows (an empty Q for all of them); a figure without `strands` counts
    in every strand. Strands must not overlap: a row counts in the first strand whose
    filter it meets (members/impact/counts.py). `distinct` counts distinct values of that
    field instead of rows, and only in a figure that strands do not split."""

    key: str
    label: str
    section: str
    queryset: object
    date_field: str
    region_field: str
    strands: dict = field(default_factory=dict)
    distinct: str = ""
    is_date: bool = False  # a DateField (no time of day) rather than a DateTimeField


def registered():
    found = []
    for provider in hooks.get_hooks(FIGURES):
        found.extend(provider())
    return found


# "You said, we did" highlights for the funders' page: a provider takes (start, end,
# limit) and returns [{"network", "you_said", "we_did"}], items already public.
HIGHLIGHTS = "register_impact_highlights"


def highlights(start, end, limit=3):
    found = []
    for provider in hooks.get_hooks(HIGHLIGHTS):
        found.extend(provider(start, end, limit))
    return found[:limit]
