"""Serving a page in fewer queries than Wagtail's defaults, with the same answers.

Wagtail finds a page by walking the tree one level at a time, two queries a level (the base
row, then the specific one), and checks view restrictions in two more. On a 2-core server
every query is a measurable share of a page's cost (issue 11), so:

- `serve` fetches the site's home page as a HomePage in one query and hands Wagtail the
  route it would have found (through `website.wagtail_internals`, which says what it relies on
  and what it saves);
- index pages whose children are all one type (`child_page_model`) look a child up as that
  type directly: one query instead of two;
- `get_view_restrictions` asks for the restrictions on the page and its ancestors (aliases
  resolved to their source, as Wagtail does) in one query;
- `public_pages` filters a listing to pages outside private sections inside the listing's
  own query, where Wagtail's `.public()` first loads every restriction;
- a path once routed is remembered per process (website/fragments.py, keyed on the page
  cache's generation, which every publish, move, slug change, deletion, site change and
  privacy change bumps): the next request loads the page by its key in one query and skips
  the site lookup and the privacy check when the page and its section were public.
"""

from django.apps import apps
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Length, Substr
from django.http import Http404
from wagtail.models import Page, PageViewRestriction

from website import fragments, sites, wagtail_internals


def ancestor_paths(path, steplen=Page.steplen):
    """Tree paths of a page and all its ancestors, worked out from its own path."""
    return [path[:end] for end in range(steplen, len(path) + 1, steplen)]


def _restricted_above(path_field):
    """Exists: a view restriction on the page at `path_field` or one of its ancestors
    (every ancestor's path is a prefix of the page's own)."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef(path_field), 1, Length("page__path"))
        )
    )


def public_pages(queryset):
    """`queryset` without pages in private sections, in the same query. An alias placed
    outside a private section is left out too when its source page is inside one (Wagtail's
    `.public()` looks only at where the alias itself sits); that check looks the source up
    by primary key and only for aliases, so ordinary rows cost one small EXISTS each."""
    source_is_private = Exists(
        Page.objects.filter(pk=OuterRef("alias_of_id")).filter(
            _restricted_above("path")
        )
    )
    return queryset.exclude(_restricted_above("path")).exclude(
        Q(alias_of__isnull=False) & Q(source_is_private)
    )


def public_pages_for_long_listing(queryset):
    """`public_pages` for a paginated listing whose COUNT visits every row: the restricted
    paths are read first (one small query, as Wagtail's `.public()` does), so each row is
    checked with plain prefix comparisons instead of a subquery. At 2,000 news articles the
    COUNT takes about 1.5 ms less."""
    restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    if not restricted:
        return queryset
    private = Q()
    for path in restricted:
        private |= Q(path__startswith=path) | Q(alias_of__path__startswith=path)
    return queryset.exclude(private)


class QuickRouteMixin:
    """For page models: one-query view restriction checks and, where set, child lookups."""

    # "app_label.ModelName" of the only page type allowed below this one, if there is one.
    child_page_model = None

    @classmethod
    def served_queryset(cls):
        """Rows this page type is served from; override to fetch what its template needs
        in the same query (select_related, annotations)."""
        return cls.objects.all()

    def get_view_restrictions(self):
        if getattr(self, "_known_public", False):
            # Loaded through a remembered route whose page and section had no restriction
            # when it was remembered; any restriction since then made a new generation.
            return PageViewRestriction.objects.none()
        sources = (
            Page.objects.filter(path__in=ancestor_paths(self.path))
            .annotate(source=Coalesce("alias_of_id", "id"))
            .values("source")
        )
        return PageViewRestriction.objects.filter(page_id__in=Subquery(sources))

    def route(self, request, path_components):
        if path_components and self.child_page_model:
            model = apps.get_model(self.child_page_model)
            child = (
                model.served_queryset()
                .child_of(self)
                .filter(slug=path_components[0])
                .first()
            )
            if child is not None:
                wagtail_internals.remember_parent(child, self)
                return child.route(request, path_components[1:])
        # Not found as the usual type (or no usual type): Wagtail's own lookup decides.
        return super().route(request, path_components)


def _route_from_tree(request, path):
    # Looked up by label: the page models import this module, so it cannot import them.
    home_page_model = apps.get_model("home", "HomePage")
    site = sites.find(request)
    if site is None:
        return None
    root = home_page_model.served_queryset().filter(pk=site.root_page_id).first()
    if root is None:  # a site rooted somewhere unusual: Wagtail's way
        root = site.root_page.specific
    try:
        return root.route(request, [part for part in path.split("/") if part])
    except Http404:
        return None


def _remembered(request, path):
    """What to remember of a path's route: the site, the page's type and key, and how
    many path parts the page itself stands for (the rest are its own sub-routes)."""
    found = _route_from_tree(request, path)
    if found is None:
        return None
    page = found[0]
    site = sites.find(request)
    return {
        "model": page._meta.label,
        "pk": page.pk,
        "depth": page.depth - site.root_page.depth,
        "public": not page.get_view_restrictions().exists(),
        "route": found,  # used by this request only; never stored
    }


def _route(request, path):
    sites.find(request)  # Wagtail's own lookups then run no site query
    if fragments.seconds() <= 0:  # nothing is kept: no need to learn what to keep
        return _route_from_tree(request, path)
    host = request.get_host()
    memo = {}

    def build():
        memo.update(_remembered(request, path) or {})
        return {key: value for key, value in memo.items() if key != "route"} or None

    known = fragments.cached(request, "route", build, vary=f"{host}{path}")
    if memo or known is None:  # built just now (or not found): the tree's answer
        return memo.get("route")
    model = apps.get_model(known["model"])
    rows = (
        model.served_queryset() if hasattr(model, "served_queryset") else model.objects
    )
    page = rows.filter(pk=known["pk"]).first()
    if page is None:
        return _route_from_tree(request, path)
    page._known_public = known["public"]
    parts = [part for part in path.split("/") if part]
    try:
        return page.route(request, parts[known["depth"] :])
    except Http404:
        return None


def serve(request, path):
    """Wagtail's serve view, after routing the request the quick way (the result goes where
    `Page.route_for_request` caches it, so hooks and the view see the same page)."""
    from wagtail import views as wagtail_views  # it loads models: not at import time

    wagtail_internals.supply_route(request, lambda: _route(request, path))
    return wagtail_views.serve(request, path)
