"""The site's public address (the SITE_URL setting) and the places that must use it.

Wagtail builds a page's full URL from its Site record, which `load_demo` once created as
http://localhost/, so canonical links and the sitemap named a host nobody serves. The address
is configuration: the Site record is kept in step with it (`load_demo`, `set_site_url`), and
canonical and sitemap URLs are built from it directly, so they are right even before that.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from wagtail.contrib.sitemaps import Sitemap

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_url():
    """SITE_URL without a trailing slash, e.g. "https://voices.example.org"."""
    return settings.SITE_URL.rstrip("/")


def host_and_port(url=None):
    """The hostname and port a Wagtail Site needs to serve `url` (default SITE_URL)."""
    parts = urlsplit(url or site_url())
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(
            f"SITE_URL must look like https://voices.example.org, not {url!r}."
        )
    return parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme]


def apply_to_site(site, url=None):
    """Point a Wagtail Site at the configured address; True if it changed."""
    hostname, port = host_and_port(url)
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True


def absolute(url):
    """`url` (a path, or a full URL on any host) on the configured address."""
    if not url:
        return ""
    parts = urlsplit(url)
    path = parts.path or "/"
    return site_url() + path + (f"?{parts.query}" if parts.query else "")


def page_url(page, request=None):
    """A page's public address for canonical and og:url; empty if it has no route."""
    get_url = getattr(page, "get_url", None)
    return absolute(get_url(request)) if callable(get_url) else ""


class SiteUrlSitemap(Sitemap):
    """Wagtail's sitemap with every location on the configured address."""

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            url["location"] = absolute(url["location"])
        return urls
