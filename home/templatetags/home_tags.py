"""Small template helpers for editorial pages: link targets and sharing metadata."""

from django import template
from django.template.loader import render_to_string

from home.blocks import link_target
from website import site_url

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


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """The page's public address (SITE_URL), for canonical and og:url."""
    return site_url.page_url(page, context.get("request"))


@register.simple_tag(takes_context=True)
def render_slot(context, slot):
    """Render another app's home page slot with its own context plus request and page."""
    return render_to_string(
        slot.template,
        {**slot.context, "page": context.get("page")},
        request=context.get("request"),
    )
