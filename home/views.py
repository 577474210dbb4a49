"""Public search: Wagtail's search over live public pages, with editors' promoted results."""

import logging
import re
from urllib.parse import urlencode

from django.db import DatabaseError
from django.db.models import Q
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from home.models.people import PeopleIndexPage
from home.models.snippets import Person
from home.pagination import get_page
from home.routing import public_pages
from website import fragments, sites

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = (
    200  # security checklist IV-6: bound the work one request can ask for
)
RESULTS_PER_PAGE = 10
PEOPLE_SHOWN = 10
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
NOT_WORDS = re.compile(r"[^\w\s]+")


def clean_query(raw):
    """The query people meant: control characters gone, spaces squeezed, 200 characters."""
    text = CONTROL_CHARACTERS.sub(" ", raw or "")[: MAX_QUERY_LENGTH * 2]
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query):
    """Words only for the search backend: quotes, `%` and operators mean nothing to
    visitors but can upset full-text query parsers."""
    return " ".join(NOT_WORDS.sub(" ", query).split()) or query


def people_matching(query):
    """(people page, people whose name, role or bio has every word), or (None, []) when
    the site shows no public people page. The list is short, so a plain lookup does."""
    words = search_terms(query).split()[:8]
    people_page = public_pages(PeopleIndexPage.objects.live()).first()
    if people_page is None or not words:
        return None, []
    matches = Person.objects.all()
    for word in words:
        matches = matches.filter(
            Q(name__icontains=word) | Q(role__icontains=word) | Q(bio__icontains=word)
        )
    return people_page, list(matches.order_by("name")[:PEOPLE_SHOWN])


def search(request):
    """Anyone can search the public site; odd input gets a helpful page, never an error.

    Results are the same for everyone (public pages only), so each query's results are
    rendered once and kept (website/fragments.py) until anything public changes."""
    query = clean_query(request.GET.get("q", ""))
    # Found once here (Wagtail keeps it on the request), so links in the results run no
    # query while the template renders.
    sites.find(request)
    results_html = fragments.rendered(
        request,
        "search",
        "home/includes/search_results.html",
        lambda: search_context(request),
        vary=fragments.with_query(request),
    )
    return TemplateResponse(
        request, "home/search.html", {"query": query, "results_html": results_html}
    )


def search_context(request):
    """What the results show for the request's query, in a fixed number of queries."""
    raw = request.GET.get("q", "")
    query = clean_query(raw)
    truncated = len(" ".join(raw.split())) > MAX_QUERY_LENGTH
    page_obj = None
    promotions = []
    people_page, people = None, []
    failed = False
    if query and not NOT_WORDS.sub(" ", query).strip():
        failed = True
    elif query:
        promotions = list(
            SearchPromotion.objects.filter(
                query__query_string=normalise_query_string(query)
            ).select_related("page")
        )
        promoted_ids = {p.page_id for p in promotions if p.page_id}
        results = (
            # The search backend takes plain lookups only, so the privacy filter is a subquery.
            Page.objects.live()
            .filter(pk__in=public_pages(Page.objects.all()).values("pk"))
            .exclude(depth=1)
            .exclude(pk__in=promoted_ids)
            .specific()
            .search(search_terms(query), operator="and")
        )
        try:
            people_page, people = people_matching(query)
            page_obj = get_page(results, RESULTS_PER_PAGE, request.GET.get("page"))
            # Evaluate here so a backend error on odd input is caught, not rendered.
            page_obj.object_list = list(page_obj.object_list)
        except DatabaseError:
            logger.warning("search failed for a query of %d characters", len(query))
            page_obj = None
            failed = True
    return {
        "query": query,
        "truncated": truncated,
        "page_obj": page_obj,
        "promotions": [p for p in promotions if p.page is None or p.page.live],
        "failed": failed,
        "people": people,
        "people_page": people_page,
        "pagination_query": urlencode({"q": query}) if query else "",
    }
