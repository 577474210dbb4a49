"""The only private attributes of Wagtail and django-treebeard that Voices touches, kept
here so an upgrade that changes them fails one test (tests/website/test_wagtail_internals.py)
instead of quietly costing queries. Each stays because it still pays, measured on the site
of tests/performance/test_query_budgets.py with cold caches (issue 18):

- `request._wagtail_route_for_request`: where `Page.route_for_request` (Wagtail 8,
  wagtail/models/pages.py) caches the route it found for this request, and so where
  `wagtail.views.serve` takes its page from. Wagtail offers no public way to hand it a route:
  the view calls `route_for_request` on `Page` itself. `home.routing.serve` puts its own
  route there, which fetches the home page with its featured programme in one query: the
  home page costs 12 queries instead of 13 (every other page costs the same either way).
  A public alternative, measured to give the same counts: a default manager on `HomePage`
  that selects `featured_programme`, so Wagtail's own routing fetches both; then this and
  `home.routing.serve` can go.
- `page._cached_parent_obj`: where treebeard's `MP_Node.get_parent()` keeps the parent
  (Wagtail's own `Page.route` sets it the same way). Set on a page found through its index's
  `child_page_model`, it saves the parent query of pages that show their parent: a news
  article and a network page cost 12 queries instead of 13.
- `request._wagtail_site`: where `Site.find_for_request` keeps the site it looked up for
  this request (wagtail/models/sites.py), and so where page URLs, site settings and menus
  read it. `website.sites.find` hands over a site remembered per process, which saves the
  site query (a CASE over every site) on every request that is not a whole-page cache hit.
- `request._wagtail_cached_site_root_paths`: where `Page._get_site_root_paths` keeps the
  sites' root paths it read from the shared cache for this request; every `{% pageurl %}`
  needs them. Handed over with the site, they save one shared-cache read (a query with the
  database cache) on every such request.
"""


def supply_route(request, find_route):
    """Have `Page.route_for_request`, and so Wagtail's serve view, answer this request with
    `find_route()` (a `RouteResult`, or None for "not found"), unless it already has a route."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = find_route()


def remember_parent(page, parent):
    """Have `page.get_parent()` return `parent` without a query."""
    page._cached_parent_obj = parent


def supply_site(request, site):
    """Have `Site.find_for_request(request)` answer `site` without a query."""
    request._wagtail_site = site


def has_site(request):
    """Whether this request's site has been found (by Wagtail or by `supply_site`)."""
    return hasattr(request, "_wagtail_site")


def supply_site_root_paths(request, root_paths):
    """Have every page URL worked out for this request use `root_paths` (a list of
    `Site.get_site_root_paths()`) without reading the shared cache."""
    request._wagtail_cached_site_root_paths = root_paths
