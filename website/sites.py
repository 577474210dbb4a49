"""The Wagtail Site serving a request, found once per process rather than once a request.

Wagtail looks the site up with a query on every request (`Site.find_for_request`) and keeps
the answer on the request, where its page URLs, settings and menus read it. Handing it a
site it did not look up itself needs a private attribute, so that goes through
website/wagtail_internals.py, whose tests fail loudly if an upgrade changes it. The
remembered site is keyed on the
page cache's generation (website/fragments.py), which any change to a site bumps.

    site = sites.find(request)  # then {% pageurl %} and site settings run no site query
"""

from wagtail.models import Site

from website import fragments, wagtail_internals


def find(request):
    """The request's site (or None), from this process's memory when it is fresh."""
    if wagtail_internals.has_site(request):
        return Site.find_for_request(request)
    site = fragments.cached(
        request,
        "site",
        lambda: Site.find_for_request(request),
        vary=request.get_host(),
    )
    wagtail_internals.supply_site(request, site)
    if fragments.seconds() > 0:
        # Page links need the sites' root paths, which Wagtail reads from the shared cache
        # at the first link; kept here, that read is saved. With nothing kept, Wagtail's
        # own lazy read stays (a page without links then reads nothing).
        wagtail_internals.supply_site_root_paths(
            request,
            fragments.cached(request, "site-root-paths", Site.get_site_root_paths),
        )
    return site
