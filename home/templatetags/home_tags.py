"""Small template helpers for editorial pages: link targets and sharing metadata."""

from django import template
from django.template.loader import render_to_string
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page

from home import slots
from home.blocks import link_target
from website import fragments, site_url

register = template.Library()


@register.simple_tag(takes_context=True)
def link_parts(context, value):
    """{'href', 'label'} of a LinkBlock value, for buttons and menus."""
    if not value:
        return {"href": "", "label": ""}
    href, label = link_target(value, context.get("request"))
    return {"href": href, "label": label}


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """An address with scheme and host, for Open Graph tags that must be absolute."""
    request = context.get("request")
    if not path or request is None or path.startswith(("http://", "https://")):
        return path or ""
    return request.build_absolute_uri(path)


# Where a page type keeps its one-line description, best first. Duck-typed, so page types of
# any app (network pages' purpose, say) are covered without this module naming them.
DESCRIPTION_FIELDS = (
    "search_description",
    "meta_description",
    "summary",
    "intro",
    "purpose",
)
DESCRIPTION_MAX = 300


@register.simple_tag
def page_description(page):
    """The page's meta description: its search description, else summary, intro or purpose
    (rich text flattened); an Easy Read page without one borrows its original's."""
    for field in DESCRIPTION_FIELDS:
        text = strip_tags(str(getattr(page, field, "") or "")).strip()
        if text:
            return Truncator(" ".join(text.split())).chars(DESCRIPTION_MAX)
    original = getattr(page, "original_page", None)
    if original is not None and original != page:
        return page_description(original.specific)
    return ""


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """The page's public address (SITE_URL), for canonical and og:url."""
    return site_url.page_url(page, context.get("request"))


@register.simple_tag(takes_context=True)
def render_slot(context, slot):
    """Render another app's home page slot with its own context plus request and page."""
    return slots.render(context.get("request"), slot, context.get("page"))


@register.simple_tag(takes_context=True)
def page_meta(context, page):
    """The page's description and sharing tags, kept per page and host: the share image
    and its rendition then cost no query on the next visit, until anything is published."""
    request = context.get("request")

    def build():
        return render_to_string(
            "home/includes/seo_meta.html", {"page": page}, request=request
        )

    if request is None or not isinstance(page, Page):
        return build()
    return fragments.cached(
        request, "page-meta", build, vary=f"{request.get_host()}|{page.pk}"
    )


@register.simple_tag(takes_context=True)
def stream(context, page, field="body"):
    """A page's StreamField, each block as `{% include_block %}` renders it, kept per page,
    field and host until anything is published (blocks show only content: links, images,
    documents, the same for every reader who may open the page; the page's own privacy
    rules run before this). A preview renders the draft afresh."""
    request = context.get("request")

    def build():
        return render_to_string(
            "home/includes/stream.html",
            {**context.flatten(), "blocks": getattr(page, field)},
        )

    if request is None or not isinstance(page, Page) or not page.pk:
        return build()
    return fragments.cached(
        request, "stream", build, vary=f"{request.get_host()}|{page.pk}|{field}"
    )
