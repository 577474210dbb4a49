"""Editor-managed menus and footer (cached, refreshed on change) and the SEO/sharing tags."""

import json
import re

import pytest
from django.core.cache import cache
from wagtail.models import Site

from home.models import NavigationSettings, OrganisationSettings
from tests.factories.home import (
    ensure_news_index,
    make_content_page,
    make_image,
    make_news,
)


def links(*pages_or_urls):
    blocks = []
    for item in pages_or_urls:
        if isinstance(item, tuple):
            blocks.append(
                {
                    "type": "link",
                    "value": {"page": None, "url": item[0], "text": item[1]},
                }
            )
        else:
            blocks.append(
                {"type": "link", "value": {"page": item.pk, "url": "", "text": ""}}
            )
    return json.dumps(blocks)


@pytest.fixture
def site(home_page):
    cache.clear()
    return Site.objects.get(is_default_site=True)


def test_main_menu_marks_the_current_section(client, site, home_page):
    news = ensure_news_index(home_page)
    about = make_content_page(home_page, title="About us", slug="about-us")
    article = make_news(news)
    navigation = NavigationSettings.for_site(site)
    navigation.main_menu = links(about, news, ("/enquire/", "Contact"))
    navigation.save()
    html = client.get(article.url).content.decode()
    menu = html[html.index('aria-label="Main"') :]
    assert '<a href="/news/" aria-current="true">News</a>' in menu
    assert '<a href="/about-us/">About us</a>' in menu
    assert '<a href="/enquire/">Contact</a>' in menu
    assert (
        '<a href="/news/" aria-current="page">' in client.get("/news/").content.decode()
    )


def test_menu_cache_is_refreshed_when_editors_change_it_or_a_page(
    client, site, home_page
):
    about = make_content_page(home_page, title="About us", slug="about-us")
    navigation = NavigationSettings.for_site(site)
    navigation.main_menu = links(about)
    navigation.save()
    assert ">About us</a>" in client.get("/").content.decode()
    about.title = "Who we are"
    about.save_revision().publish()
    assert ">Who we are</a>" in client.get("/").content.decode()
    navigation.main_menu = links(("/enquire/", "Get in touch"))
    navigation.save()
    html = client.get("/").content.decode()
    assert ">Get in touch</a>" in html and ">Who we are</a>" not in html


def test_menu_is_served_from_cache_between_changes(
    client, site, home_page, django_assert_max_num_queries
):
    about = make_content_page(home_page, title="About us", slug="about-us")
    navigation = NavigationSettings.for_site(site)
    navigation.main_menu = links(about)
    navigation.save()
    client.get("/")
    # An edit that bypasses save signals is not seen until the cache is refreshed.
    NavigationSettings.objects.filter(pk=navigation.pk).update(
        main_menu=links(("/x/", "Changed"))
    )
    assert "Changed" not in client.get("/").content.decode()


def test_footer_shows_organisation_details_and_policy_links(client, site, home_page):
    privacy = make_content_page(home_page, title="Privacy notice", slug="privacy")
    statement = make_content_page(
        home_page, title="Accessibility statement", slug="accessibility"
    )
    organisation = OrganisationSettings.for_site(site)
    organisation.organisation_name = "Voices Org"
    organisation.contact_email = "hello@example.org"
    organisation.charity_number = "123456"
    organisation.privacy_page = privacy
    organisation.accessibility_page = statement
    organisation.social_links = json.dumps(
        [
            {
                "type": "link",
                "value": {
                    "name": "Mastodon",
                    "url": "https://social.example.org/@voices",
                },
            }
        ]
    )
    organisation.save()
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]
    assert '<a href="/privacy/">Privacy</a>' in footer
    assert '<a href="/accessibility/">Accessibility</a>' in footer
    assert "hello@example.org" in footer and "123456" in footer and "Mastodon" in footer


def test_editors_can_change_menus_and_organisation_details(client, editor, site):
    client.force_login(editor)
    for model in ("navigationsettings", "organisationsettings"):
        response = client.get(f"/admin/settings/home/{model}/{site.pk}/")
        assert response.status_code == 200, model


def test_members_cannot_reach_the_settings(client, member, site):
    client.force_login(member)
    response = client.get(f"/admin/settings/home/navigationsettings/{site.pk}/")
    assert response.status_code in (302, 403)


def test_title_description_canonical_and_sharing_tags(client, site, home_page):
    news = ensure_news_index(home_page)
    article = make_news(
        news,
        title="Coaching pilot",
        seo_title="Coaching pilot begins",
        summary="Two leaders are being coached.",
        listing_image=make_image(),
    )
    html = client.get(article.url).content.decode()
    assert "<title>Coaching pilot begins – Voices</title>" in html
    assert '<meta name="description" content="Two leaders are being coached.">' in html
    assert f'<link rel="canonical" href="{article.full_url}">' in html
    assert '<meta property="og:type" content="article">' in html
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert image.startswith("http://") and "fill-1200x630" in image
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_search_description_wins_over_summary(client, site, home_page):
    page = make_content_page(
        home_page, summary="Summary text.", search_description="Search text."
    )
    html = client.get(page.url).content.decode()
    assert '<meta name="description" content="Search text.">' in html


def test_sitemap_lists_every_public_page_with_lastmod(client, site, home_page):
    news = ensure_news_index(home_page)
    article = make_news(news)
    hidden = make_content_page(home_page, title="Draft")
    hidden.unpublish()
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert response.status_code == 200
    assert article.full_url in xml and news.full_url in xml
    assert hidden.full_url not in xml
    assert xml.count("<lastmod>") >= 3


def test_documents_download_as_attachments_even_pdfs(
    client, home_page, settings, tmp_path
):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    # Serving needs a real file on disk (the suite's in-memory storage has no paths).
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    document = get_document_model()(title="Report")
    document.file.save("report.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"
