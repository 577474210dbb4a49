"""Whole-page cache for anonymous visitors, and the one generation counter that empties it.

Most visitors are anonymous and see exactly the same bytes, so their GET/HEAD responses for
public pages are kept in the default cache (database cache by default, Redis with REDIS_URL)
for a short time (ANONYMOUS_PAGE_CACHE_SECONDS, 0 turns it off).

A response is kept only when nothing in it can differ between visitors: the request has no
session or messages cookie, the path is not under /admin/, /portal/ or /accounts/, the answer
is a plain 200 that sets no cookie (a CSRF token on a form page sets one), is not private or
no-store, and did not use the CSP nonce (a nonce must be new on every response).

Invalidation is deliberately coarse: any change that a public page could show bumps one
generation number, and every key contains it, so older entries are never read again and
simply expire. Signals that bump it: Wagtail's page publish, unpublish, move, slug change and
delete; saves and deletes of any model in `home`, `members` and `networks` (pages, snippets,
site settings, menus, expressions of interest, network updates, memberships, meetings …)
except those no public page shows; images, documents, sites, tags and promoted search
results. Editors publish a few times a day, so a whole-site refill costs little and is
always correct; precise per-page dependency tracking would be easy to get wrong.

Each process also remembers the generation it last read for CACHE_GENERATION_RECHECK_SECONDS
(1 by default) and keeps a bounded copy of the pages it served, so a hit needs no round trip
to the shared cache at all. A change made in this process shows at once; one made in another
process shows here within that second to anonymous visitors; signed-in people, who may just
have made the change through another process, always read the shared generation. 0 reads it
on every request (the test suite does, apart from the tests of this layer).
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import HttpResponse

logger = logging.getLogger(__name__)
GENERATION_KEY = "anonymous-page-cache:generation"
NEVER_CACHED_PREFIXES = (
    "/admin/",
    "/portal/",
    "/accounts/",
    "/documents/",
    "/healthz",
    "/_util/",
)
# Headers that describe one exchange, never replayed from the cache.
DROPPED_HEADERS = {"set-cookie", "x-cache", "date"}


# Where a request keeps the generation it read, so the page cache and the rendered
# fragments (website/fragments.py) read it once between them.
GENERATION_ATTRIBUTE = "_voices_cache_generation"


def timeout():
    return int(getattr(settings, "ANONYMOUS_PAGE_CACHE_SECONDS", 0) or 0)


def in_use():
    """Whether anything is keyed on the generation: the page cache or the fragments."""
    return timeout() > 0 or int(getattr(settings, "FRAGMENT_CACHE_SECONDS", 0) or 0) > 0


# Data migrations save pages and settings before the cache table exists; there is nothing
# cached to forget then.
_migrating = False


def _migration_started(**kwargs):
    global _migrating  # noqa: PLW0603 - one process-wide switch
    _migrating = True


def _migration_finished(**kwargs):
    global _migrating  # noqa: PLW0603
    _migrating = False


def recheck_seconds():
    return float(getattr(settings, "CACHE_GENERATION_RECHECK_SECONDS", 0) or 0)


# This process's copies: the generation with when it was read, and the pages it served.
_known = {"generation": None, "read_at": 0.0}
_local_pages = LocMemCache("voices-pages", {"MAX_ENTRIES": 500, "TIMEOUT": 300})


def _remember(generation):
    _known["generation"] = generation
    _known["read_at"] = time.monotonic()


def _remembered_generation():
    """The generation read less than CACHE_GENERATION_RECHECK_SECONDS ago, or None."""
    window = recheck_seconds()
    if window <= 0 or _known["generation"] is None:
        return None
    if time.monotonic() - _known["read_at"] >= window:
        return None
    return _known["generation"]


def forget_local_copies():
    """Drop this process's copies (after a bump, and between tests of this layer)."""
    _known["generation"] = None
    _known["read_at"] = 0.0
    _local_pages.clear()


def bump_generation():
    """Make every cached page stale at once (entries of older generations are never read).

    A cache that cannot be written (no cache table yet during `migrate`, Redis down) must
    not stop an editor's save; entries then expire within ANONYMOUS_PAGE_CACHE_SECONDS."""
    if _migrating:
        return
    try:
        # A savepoint: with the database cache, a failing cache query must not abort the
        # editor's transaction on PostgreSQL.
        with transaction.atomic():
            generation = str(time.time_ns())
            cache.set(GENERATION_KEY, generation, None)
    except Exception:
        forget_local_copies()
        logger.warning("the page cache generation could not be bumped", exc_info=True)
        return
    forget_local_copies()
    _remember(generation)


def _read_generation(found):
    """The generation from `found` (a get_many result), made on first use."""
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = str(time.time_ns())
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
    _remember(generation)
    return generation


def current_generation(anonymous=False):
    """The generation now, or None when the cache cannot be read (then nothing is kept).

    Only anonymous requests may use the one this process remembers: someone signed in may
    just have changed something in another process and must see it on the next page."""
    remembered = _remembered_generation() if anonymous else None
    if remembered is not None:
        return remembered
    try:
        return _read_generation(cache.get_many([GENERATION_KEY]))
    except Exception:
        logger.warning("the cache generation could not be read", exc_info=True)
        return None


def invalidate(**kwargs):
    """Signal receiver: bump now, and again after the transaction commits, so a page
    rendered from the old data while the change was being written is not kept."""
    if not in_use():
        return
    bump_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(bump_generation)


def is_anonymous(request):
    """No session or messages cookie: nobody signed in, nothing just done by this visitor."""
    if request is None:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _eligible_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(NEVER_CACHED_PREFIXES):
        return False
    return is_anonymous(request)


def _entry_key(request):
    raw = f"{request.get_host()}|{request.get_full_path()}"
    return "anonymous-page-cache:" + hashlib.sha256(raw.encode()).hexdigest()


def _cacheable_response(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if isinstance(getattr(request, "_csp_nonce", None), str):
        return False
    if getattr(request, "is_preview", False):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if "private" in cache_control or "no-store" in cache_control:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    return True


class AnonymousPageCacheMiddleware:
    """Serve and store whole responses for anonymous visitors (see the module docstring).

    Sits just inside WhiteNoise and before the session middleware, so a hit costs one
    cache read and no database query beyond it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = timeout()
        if seconds <= 0 or not _eligible_request(request):
            return self.get_response(request)
        try:
            key = _entry_key(request)
        except DisallowedHost:
            return self.get_response(request)
        generation = _remembered_generation()
        if generation is not None:
            setattr(request, GENERATION_ATTRIBUTE, generation)
            entry = _local_pages.get(key)
            if entry is not None and entry["generation"] == generation:
                return self._replay(entry)
        try:
            if generation is None:
                found = cache.get_many([GENERATION_KEY, key])
                generation = _read_generation(found)
                setattr(request, GENERATION_ATTRIBUTE, generation)
            else:
                found = cache.get_many([key])
        except Exception:
            # The cache being down costs speed, never the page.
            logger.warning("the page cache could not be read", exc_info=True)
            return self.get_response(request)
        entry = found.get(key)
        if entry is not None and entry["generation"] == generation:
            self._keep_locally(key, entry, seconds)
            return self._replay(entry)

        response = self.get_response(request)
        if request.method == "GET" and _cacheable_response(request, response):
            self._store(key, generation, response, seconds)
            response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def _keep_locally(key, entry, seconds):
        """A copy in this process for what is left of the entry's life, never longer."""
        if recheck_seconds() <= 0:
            return
        left = seconds - (time.time() - entry.get("stored_at", time.time()))
        if left >= 1:
            _local_pages.set(key, entry, left)

    def _store(self, key, generation, response, seconds):
        entry = {
            "generation": generation,
            "stored_at": time.time(),
            "status": response.status_code,
            "headers": [
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in DROPPED_HEADERS
            ],
            "content": response.content,
        }
        try:
            cache.set(key, entry, seconds)
        except Exception:
            logger.warning("a page could not be cached", exc_info=True)
            return
        self._keep_locally(key, entry, seconds)

    @staticmethod
    def _replay(entry):
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response["X-Cache"] = "HIT"
        return response


# Models whose rows no public page shows; their saves would only empty the cache for nothing.
IGNORED_MODELS = {
    "members.enquiry",
    "members.enquirycounter",
    "members.enquirynote",
    "members.enquiryevent",
    "members.invitation",
    "members.application",
    "members.opportunityalert",
    "members.opportunityalertsent",
    "members.eventreminder",
    "members.intereststatuschange",
    "members.pairing",
    "members.pairingpartner",
    "members.pairingevent",
    "members.pairingsession",
    "members.partneravailability",
    "members.claim",
    "members.claimline",
    "members.reflection",
    "networks.networkenquirynote",
    "networks.joinrequest",
    "networks.cochairupdaterevision",
}
WATCHED_APPS = {"home", "members", "networks"}
WATCHED_MODELS = {
    "wagtailimages.image",
    "wagtaildocs.document",
    "wagtailcore.site",
    # Making a section private must end every kept copy of its pages at once.
    "wagtailcore.pageviewrestriction",
    "taggit.tag",
    "wagtailsearchpromotions.query",
    "wagtailsearchpromotions.searchpromotion",
}


def _watched(sender):
    meta = getattr(sender, "_meta", None)
    if meta is None:
        return False
    label = meta.label_lower
    if label in IGNORED_MODELS:
        return False
    return meta.app_label in WATCHED_APPS or label in WATCHED_MODELS


def model_changed(sender, update_fields=None, **kwargs):
    if not _watched(sender):
        return
    # Signing in touches the user row; no public page shows when someone last signed in.
    if sender._meta.label_lower == "members.user" and update_fields:
        if set(update_fields) <= {"last_login", "password"}:
            return
    invalidate()


def connect_signals():
    """Called from WebsiteConfig.ready(), so commands (publish_scheduled, imports) count too."""
    from django.db.models.signals import (
        post_delete,
        post_migrate,
        post_save,
        pre_migrate,
    )
    from wagtail.signals import (
        page_published,
        page_slug_changed,
        page_unpublished,
        post_page_move,
    )

    signals = (page_published, page_unpublished, page_slug_changed, post_page_move)
    for number, signal in enumerate(signals):
        signal.connect(invalidate, dispatch_uid=f"page-cache-page-signal-{number}")
    pre_migrate.connect(_migration_started, dispatch_uid="page-cache-pre-migrate")
    post_migrate.connect(_migration_finished, dispatch_uid="page-cache-post-migrate")
    post_save.connect(model_changed, dispatch_uid="page-cache-post-save")
    post_delete.connect(model_changed, dispatch_uid="page-cache-post-delete")
    post_delete.connect(
        invalidate, sender="wagtailcore.Page", dispatch_uid="page-cache-page-delete"
    )
