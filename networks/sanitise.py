"""Turn what a co-chair typed into the small, safe HTML subset updates may contain (IV-3).

nh3 (the Rust `ammonia` sanitiser) does the real work; this module only decides the
allow-list and turns plain text with blank lines and dashes into paragraphs and lists.
"""

import re

import nh3
from django.utils.html import escape

ALLOWED_TAGS = {"p", "ul", "ol", "li", "a", "strong", "em", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
# Dropped with everything inside them, not just the tags.
DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "svg"}

CONTROL_CHARS = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]"
)
HTML_HINT = re.compile(r"<\s*/?\s*[a-zA-Z!]")
BULLET = re.compile(r"^\s*[-*•]\s+")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+")


def strip_controls(value):
    """Remove NULs, other control characters and bidi overrides; keep tabs and newlines."""
    return CONTROL_CHARS.sub("", value or "")


BLOCK_TAG = re.compile(r"<\s*(p|ul|ol|li)[\s>]", re.IGNORECASE)


def plain_text_to_html(text, escape=escape):
    """Blank lines separate paragraphs; lines starting '-' or '1.' become list items."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    html = []
    for block in blocks:
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if all(BULLET.match(line) for line in lines):
            items = "".join(
                f"<li>{escape(BULLET.sub('', line))}</li>" for line in lines
            )
            html.append(f"<ul>{items}</ul>")
        elif all(NUMBERED.match(line) for line in lines):
            items = "".join(
                f"<li>{escape(NUMBERED.sub('', line))}</li>" for line in lines
            )
            html.append(f"<ol>{items}</ol>")
        else:
            html.append("<p>" + "<br>".join(escape(line) for line in lines) + "</p>")
    return "".join(html)


def clean_update_body(value):
    """Return safe HTML for an update body, whether typed as plain text or simple HTML."""
    value = strip_controls(value)
    if not HTML_HINT.search(value):
        value = plain_text_to_html(value)
    elif not BLOCK_TAG.search(value):
        # Inline tags only (a, strong, em): keep the typed paragraphs; nh3 cleans below.
        value = plain_text_to_html(value, escape=str)
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()


def visible_text(html):
    """The words a reader would see, used to refuse updates that are empty once cleaned."""
    return nh3.clean(html, tags=set()).strip()
