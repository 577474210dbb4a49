"""Live programme figures for the public "in numbers" block: editors choose which ones a
page shows; features that hold the data supply them.

Home cannot import the features above it, so they register here through a Wagtail hook
(members/impact registers the headline figures, with their small-number protection):

    @hooks.register(live_figures.HOOK)
    def headline_figures():
        return [("leaders_coached", "Leaders coached", lambda: "1,204"), ...]

Values are worked out at most once every LIVE_FIGURES_SECONDS (default 600) for the whole
site and kept in the shared cache, and by each process for a minute, so a page showing them
asks the database nothing more (and a page served from the page cache asks nothing at all).
"""

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from wagtail import hooks

HOOK = "register_live_figures"
CACHE_KEY = "voices:live-figures:v1"
# Each process keeps its own copy for a minute too: with the database as the shared
# cache, reading it would be a query on every page that shows the block.
_local = LocMemCache("voices-live-figures", {"MAX_ENTRIES": 4, "TIMEOUT": 60})


def _registered():
    found = {}
    for provider in hooks.get_hooks(HOOK):
        for key, label, value in provider():
            found[key] = (label, value)
    return found


def choices():
    """(key, label) of every figure an editor may choose (for the block's choices)."""
    return [(key, label) for key, (label, _value) in _registered().items()]


def values():
    """{key: (label, shown value)} for every registered figure: this process's copy, else
    the shared cache's, else worked out now for everyone."""
    found = _local.get(CACHE_KEY)
    if found is None:
        found = cache.get(CACHE_KEY)
        if found is None:
            found = {
                key: (label, str(value()))
                for key, (label, value) in _registered().items()
            }
            cache.set(CACHE_KEY, found, getattr(settings, "LIVE_FIGURES_SECONDS", 600))
        _local.set(CACHE_KEY, found)
    return found


def forget():
    """Work the figures out afresh on the next request (tests; after a data import)."""
    _local.clear()
    cache.delete(CACHE_KEY)


def chosen(keys):
    """[(label, value)] for the keys an editor chose, in their order; a figure no longer
    offered is left out rather than shown wrong."""
    known = values()
    return [known[key] for key in keys or [] if key in known]
