"""One rule for every paginated listing (security checklist IV-6).

A page number past the end shows the last page; a number below one, an empty value or junk
shows the first; a number too long to read is simply "past the end". The page size is fixed
by each view: no listing reads it from the request.
"""

from django.core.paginator import Paginator

# More digits than any listing could have pages; longer numbers are read as this.
MAX_DIGITS = 9


def page_number(value):
    """The page asked for as an integer of at least 1 (not yet limited to the last page)."""
    text = str(value or "").strip()
    if text.isdigit() and text.isascii():
        return max(int(text[:MAX_DIGITS]), 1)
    return 1


def get_page(object_list, per_page, value):
    """A `Page` of `object_list`, never raising for the page number given."""
    paginator = Paginator(object_list, per_page)
    return paginator.page(min(page_number(value), paginator.num_pages))
