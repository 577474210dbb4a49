"""PDFs drawn from our own HTML templates with WeasyPrint, for pages people keep or send on
(the funders' quarter). One template makes both the page and the file, so they agree.

WeasyPrint needs the Pango text library from the operating system (Debian:
libpango-1.0-0, libpangoft2-1.0-0). Where it is missing the site still runs and
`available()` is false, so a view can say so and offer the browser's print instead.

The PDF is tagged (PDF/UA-1) so a screen reader reads it in order, and nothing outside the
document is ever fetched: every style and chart is inline, and a link to anything else is
refused rather than requested from the server (no way to make the server fetch a URL).
"""

import logging

from PIL import ImageFile

logger = logging.getLogger(__name__)

try:
    import weasyprint
    from weasyprint.urls import URLFetcher
except OSError as error:
    # The system's Pango is missing: the rest of the site still runs.
    weasyprint = URLFetcher = None
    logger.warning("PDFs are unavailable: %s", error)
finally:
    # Importing WeasyPrint tells Pillow to accept cut-off images in the whole process;
    # uploads must refuse them (tests/security/test_uploads.py), and our PDFs hold none.
    ImageFile.LOAD_TRUNCATED_IMAGES = False


class PdfUnavailable(RuntimeError):
    """WeasyPrint could not be loaded on this server."""


def available():
    return weasyprint is not None


def render_pdf(html, *, title="", author="Voices"):
    """The PDF bytes for a whole HTML document (styles inline, images as inline SVG)."""
    if weasyprint is None:
        raise PdfUnavailable("WeasyPrint cannot load the system's Pango library")
    # No protocol is allowed: file:, http: and even data: links are refused unread.
    fetcher = URLFetcher(allowed_protocols=frozenset(), allow_redirects=False)
    document = weasyprint.HTML(string=html, url_fetcher=fetcher).render()
    if title:
        document.metadata.title = title
    document.metadata.authors = [author]
    return document.write_pdf(pdf_variant="pdf/ua-1")
