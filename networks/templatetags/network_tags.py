"""Template helpers for networks: the one reviewed place update HTML is marked safe."""

import nh3
from django import template
from django.utils.safestring import mark_safe

from networks.sanitise import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    DROP_WITH_CONTENT,
    URL_SCHEMES,
)

register = template.Library()


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
