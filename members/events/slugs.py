"""Slugs for events a feature creates (a network's meetings, a learning set's sessions):
the title and the date, numbered when both are taken."""

from django.utils.text import slugify

from members.events.models import Event


def free_slug(title, starts_at, fallback="event"):
    """A slug no event has: the title (or `fallback`, for a title of no letters) and the
    date, numbered if both are taken."""
    base = f"{slugify(title)[:60].strip('-') or fallback}-{starts_at:%Y-%m-%d}"
    taken = set(
        Event.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug
