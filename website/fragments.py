"""Rendered pieces that every visitor of one kind sees the same way (home-page slots, the
latest news, the main menu), kept in each process's memory for a short time.

Pages that the whole-page cache cannot serve (every signed-in member, any page right after
a publish) are rebuilt on each request, and most of that time goes on building querysets and
rendering the same few pieces again. A fragment is rendered once and reused until either
FRAGMENT_CACHE_SECONDS pass or anything a public page shows changes: every key holds the
page cache's generation (website/cache.py), which every publish and every watched save
bumps, so a change shows at once in every process. The generation is read once a request.

    html = fragments.cached(request, "home:news", lambda: render_to_string(...))

`vary` separates what differs by audience (members see members-only opportunities) or by
the query string (`with_query`: a listing's filters and page number; None, for a query too
long to be worth keeping, means build and keep nothing), and `seconds_at_most` shortens the life of a piece that goes stale with time (closing dates). Only ever
cache what is the same for everyone with the same `vary`: never a CSRF token, a name or a
per-person link. A preview (an editor's draft) is always built afresh and never kept.
FRAGMENT_CACHE_SECONDS=0 turns it off (the test suite does, apart from the
tests of this module).
"""

import random

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from django.template.loader import render_to_string

from website import cache as page_cache

# Per process, so a hit costs no round trip; bounded, so memory stays small.
_store = LocMemCache("voices-fragments", {"MAX_ENTRIES": 2000, "TIMEOUT": 300})


def seconds():
    return int(getattr(settings, "FRAGMENT_CACHE_SECONDS", 0) or 0)


def _generation(request):
    """The page cache's generation, read once per request (the page cache may have read it
    already)."""
    found = getattr(request, page_cache.GENERATION_ATTRIBUTE, None)
    if found is None:
        found = page_cache.current_generation(
            anonymous=page_cache.is_anonymous(request)
        )
        if request is not None:
            setattr(request, page_cache.GENERATION_ATTRIBUTE, found)
    return found


def cached(request, name, build, *, vary="", seconds_at_most=None):
    """`build()`'s result under `name`, from this process's store when it is fresh."""
    life = seconds()
    if seconds_at_most is not None:
        life = min(life, int(seconds_at_most))
    # A preview shows an editor's unsaved draft: never served from or kept in the store.
    if life <= 0 or vary is None or getattr(request, "is_preview", False):
        return build()
    generation = _generation(request)
    if generation is None:  # the shared cache is down: always correct, never stored
        return build()
    key = f"{name}|{vary}|{generation}"
    found = _store.get(key)
    if found is None:
        found = build()
        _store.set(key, found, _spread(life))
    return found


def _spread(life):
    """`life` less up to a fifth, at random: pieces kept in the same moment (a process's
    first requests) then expire at different moments, so no one request rebuilds them all
    (that request was the slowest in a hundred)."""
    return max(1, life - random.randint(0, life // 5))  # noqa: S311 - not security


def rendered(request, name, template, build_context, *, vary="", seconds_at_most=None):
    """`template` rendered with `build_context()`, once for everyone with the same `vary`:
    a hit builds no context and renders nothing."""
    return cached(
        request,
        name,
        lambda: render_to_string(template, build_context(), request=request),
        vary=vary,
        seconds_at_most=seconds_at_most,
    )


# Longer query strings are someone's experiment, not a listing people share: not kept.
LONGEST_KEPT_QUERY = 300


def with_query(request, vary=""):
    """`vary` plus the request's query string in a canonical order (so ?a=1&b=2 and
    ?b=2&a=1 share one entry), or None when the query is too long to be worth keeping."""
    query = "&".join(sorted(request.META.get("QUERY_STRING", "").split("&")))
    if len(query) > LONGEST_KEPT_QUERY:
        return None
    return f"{vary}?{query}"


def clear():
    """Forget every fragment in this process (tests; a deploy starts empty anyway)."""
    _store.clear()
