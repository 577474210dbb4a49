"""The Wagtail Site serving a request, found once per process rather than once a request.

Wagtail looks the site up with a query on every request (`Site.find_for_request`), and keeps
the answer on the request as `request._wagtail_site`, where its page URLs, settings and
menus read it. That is the only way to hand Wagtail a site it did not look up itself, so
this module is the one place that writes that attribute; `tests/website/test_sites.py`
fails loudly if an upgrade of Wagtail stops reading it. The remembered site is keyed on the
page cache's generation (website/fragments.py), which any change to a site bumps.

    site = sites.find(request)  # then {% pageurl %} and site settings run no site query
"""

from wagtail.models import Site

from website import fragments

# Where Wagtail keeps the site it found for a request (wagtail/models/sites.py).
WAGTAIL_REQUEST_ATTRIBUTE = "_wagtail_site"


def find(request):
    """The request's site (or None), from this process's memory when it is fresh."""
    if hasattr(request, WAGTAIL_REQUEST_ATTRIBUTE):
        return getattr(request, WAGTAIL_REQUEST_ATTRIBUTE)
    site = fragments.cached(
        request,
        "site",
        lambda: Site.find_for_request(request),
        vary=request.get_host(),
    )
    setattr(request, WAGTAIL_REQUEST_ATTRIBUTE, site)
    return site
