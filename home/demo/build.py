"""Building blocks for the demo pages: find-or-create a child page, StreamField JSON."""

import json


def ensure_child(parent, model, slug, **fields):
    """The child of `parent` at `slug`, created and published only if it is missing."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def stream(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def paragraph(*texts):
    return ("paragraph", "".join(f"<p>{text}</p>" for text in texts))


def link(url="", text="", page=None):
    return {"page": page.pk if page else None, "url": url, "text": text}
