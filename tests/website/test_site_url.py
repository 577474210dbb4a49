"""The site's public address comes from the SITE_URL setting: canonical links, og:url and
the sitemap use it whatever host the request or the Site record names, and load_demo and
`set_site_url` write it into the Wagtail Site record."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import Site

from tests.factories.home import ensure_news_index, make_news

PUBLIC = "https://voices.example.org"


@pytest.fixture
def public_url(settings):
    settings.SITE_URL = PUBLIC + "/"
    return PUBLIC


def test_canonical_and_og_url_use_the_configured_address(client, home_page, public_url):
    article = make_news(
        ensure_news_index(home_page), title="Coaching pilot", slug="coaching-pilot"
    )
    html = client.get(article.url, HTTP_HOST="localhost").content.decode()
    expected = f"{PUBLIC}/news/coaching-pilot/"
    assert f'<link rel="canonical" href="{expected}">' in html
    assert f'<meta property="og:url" content="{expected}">' in html
    assert "http://localhost/" not in html


def test_every_sitemap_url_uses_the_configured_address(client, home_page, public_url):
    make_news(
        ensure_news_index(home_page), title="Coaching pilot", slug="coaching-pilot"
    )
    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert f"{PUBLIC}/" in locations
    assert f"{PUBLIC}/news/coaching-pilot/" in locations
    assert all(url.startswith(PUBLIC + "/") for url in locations), locations


def test_the_demo_site_record_takes_the_configured_address(db, settings):
    from home import demo

    settings.SITE_URL = "http://127.0.0.1:8123"
    demo.ensure_site(demo.ensure_home_page())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert site.root_url == "http://127.0.0.1:8123"


def test_set_site_url_updates_an_existing_site(home_page, settings):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", 80
    site.save()
    settings.SITE_URL = PUBLIC
    call_command("set_site_url")
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("voices.example.org", 443)
    assert home_page.specific.full_url == PUBLIC + "/"


def test_set_site_url_takes_an_address_argument(home_page):
    call_command("set_site_url", "http://voices.test:8080")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("voices.test", 8080)


def test_set_site_url_refuses_an_address_without_a_host(home_page):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("set_site_url", "voices")
