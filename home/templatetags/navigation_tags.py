"""Menus, footer and breadcrumbs: built once per site, cached, and rebuilt when editors
change the menus, the organisation details or publish, move or delete a page."""

import logging

from django import template
from django.core.cache import cache
from django.db import DatabaseError
from wagtail.models import Page, Site

from home.blocks import link_target
from website import fragments

register = template.Library()
logger = logging.getLogger(__name__)

CACHE_TIMEOUT = 60 * 60 * 24


def cache_key(site_id):
    return f"home:navigation:{site_id}"


def clear_navigation_cache():
    """Forget every site's menus (there are few sites, so no need to be clever)."""
    cache.delete_many(
        [cache_key(pk) for pk in Site.objects.values_list("pk", flat=True)]
    )


def _links(stream):
    links = []
    for block in stream:
        href, label = link_target(block.value)
        if href and label:
            links.append({"href": href, "label": label})
    return links


def build_navigation(site):
    from home.models import NavigationSettings, OrganisationSettings

    # Both settings and the policy pages in one query; either row is created on first use.
    navigation = (
        NavigationSettings.objects.select_related(
            "site__organisationsettings__privacy_page",
            "site__organisationsettings__accessibility_page",
        )
        .filter(site=site)
        .first()
    )
    organisation = None
    if navigation is None:
        navigation = NavigationSettings.for_site(site)
    else:
        organisation = getattr(navigation.site, "organisationsettings", None)
    if organisation is None:
        organisation = OrganisationSettings.for_site(site)
    footer = []
    for page, label in (
        (organisation.privacy_page, "Privacy"),
        (organisation.accessibility_page, "Accessibility"),
    ):
        if page is not None and page.live:
            footer.append({"href": page.url, "label": label})
    return {
        "main": _links(navigation.main_menu),
        "footer": footer + _links(navigation.footer_links),
        "organisation": {
            "name": organisation.organisation_name,
            "contact_email": organisation.contact_email,
            "postal_address": organisation.postal_address,
            "charity_number": organisation.charity_number,
            "footer_text": organisation.footer_text,
            "social": [
                {"href": block.value["url"], "label": block.value["name"]}
                for block in organisation.social_links
            ],
        },
    }


NO_NAVIGATION = {"main": [], "footer": [], "organisation": {}}


def navigation_for(request):
    """The menus for this request's site: from this process's fragment store when fresh
    (no query at all), else the shared cache, else built."""
    if request is None:
        return NO_NAVIGATION
    if hasattr(request, "_voices_navigation"):
        return request._voices_navigation
    host = request.META.get("HTTP_HOST", "")[:200]
    data = fragments.cached(request, "navigation", lambda: _shared(request), vary=host)
    if data is None:
        return NO_NAVIGATION
    request._voices_navigation = data
    return data


def _shared(request):
    """The menus from the shared cache, built on a miss; None when they cannot be read."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    key = cache_key(site.pk)
    data = cache.get(key)
    if data is None:
        try:
            data = build_navigation(site)
        except DatabaseError:
            # Error pages (429, 403) still render, with the fixed links only.
            logger.exception("menus could not be loaded")
            return None
        cache.set(key, data, CACHE_TIMEOUT)
    return data


def mark_current(links, path):
    """aria-current="page" on the link to this page, "true" on the link to its section."""
    marked = []
    for link in links:
        href = link["href"]
        current = ""
        if href == path:
            current = "page"
        elif href.startswith("/") and href != "/" and path.startswith(href):
            current = "true"
        marked.append({**link, "current": current})
    return marked


@register.simple_tag(takes_context=True)
def navigation(context):
    """Menus and organisation details for the header and footer of any page."""
    request = context.get("request")
    path = request.path if request is not None else ""
    data = navigation_for(request)
    return {**data, "main": mark_current(data["main"], path)}


@register.inclusion_tag("components/breadcrumbs.html")
def page_breadcrumbs(page, parent=None):
    """Home, then the ancestors between it and this page: no query for a page directly
    under the home page or when the caller already has the parent, one otherwise."""
    items = [("Home", "/")]
    if parent is not None and page.depth == 4:
        items.append((parent.title, parent.url))
    elif page.depth > 3:
        ancestors = Page.objects.ancestor_of(page).filter(depth__gt=2).order_by("depth")
        items += [(ancestor.title, ancestor.url) for ancestor in ancestors]
    return {"items": items, "current": page.title}
