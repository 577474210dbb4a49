"""Template helpers for networks: the one reviewed place update HTML is marked safe."""

import nh3
from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from networks.sanitise import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    DROP_WITH_CONTENT,
    URL_SCHEMES,
)
from website import fragments

register = template.Library()


@register.simple_tag(takes_context=True)
def network_body(context):
    """The network page's content. Everyone not signed in sees it alike (no form, no
    token, nobody's name but the co-chairs'), so for them it is rendered once and kept
    until anything public changes; signed-in people get their own, rendered afresh."""
    request = context.get("request")
    page = context["page"]

    def build():
        return render_to_string(
            "networks/includes/network_page_body.html", context.flatten()
        )

    user = getattr(request, "user", None)
    if request is None or user is None or user.is_authenticated:
        return build()
    return fragments.cached(
        request, "network-page-body", build, vary=f"{request.get_host()}|{page.pk}"
    )


@register.filter
def update_html(value):
    """Bodies are sanitised on save; cleaning again on output guards rows written any
    other way (admin shell, imports) at very little cost."""
    return mark_safe(  # noqa: S308 - nh3 has just removed anything unsafe
        nh3.clean(
            value or "",
            tags=ALLOWED_TAGS,
            clean_content_tags=DROP_WITH_CONTENT,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer nofollow",
        )
    )
