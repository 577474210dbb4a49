"""A light front end for old phones and slow connections: small CSS, a small home page, no
render-blocking script, and images that reserve their space and load lazily below the fold."""

import re

import pytest
from django.conf import settings

from tests.factories.home import (
    ensure_news_index,
    make_image,
    make_news,
    make_programme_page,
)

STATIC = settings.BASE_DIR / "website" / "static"
CSS_LIMIT = 25_000
HOME_LIMIT = 60_000


def test_the_stylesheet_stays_under_25_kb():
    size = (STATIC / "css" / "site.css").stat().st_size
    assert size < CSS_LIMIT, f"site.css is {size:,} bytes"


@pytest.fixture
def home_html(client, home_page):
    image = make_image(size=(1600, 900))
    programme = make_programme_page(home_page, listing_image=image)
    home_page.featured_programme = programme
    home_page.save_revision().publish()
    news = ensure_news_index(home_page)
    for n in range(6):
        make_news(news, title=f"Story {n}", listing_image=image)
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def local_assets(html, pattern):
    return [
        STATIC / url.split("/static/", 1)[1].split("?")[0]
        for url in re.findall(pattern, html)
        if "/static/" in url
    ]


def test_home_page_html_css_and_js_stay_under_60_kb(home_html):
    stylesheets = local_assets(
        home_html, r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"'
    )
    scripts = local_assets(home_html, r'<script[^>]+src="([^"]+)"')
    assert stylesheets, "the page links its stylesheet"
    total = len(home_html.encode()) + sum(
        path.stat().st_size for path in stylesheets + scripts
    )
    assert total < HOME_LIMIT, f"home page weighs {total:,} bytes before compression"


def test_no_script_blocks_rendering(home_html):
    for tag in re.findall(r"<script\b[^>]*>", home_html):
        if "src=" in tag:
            assert " defer" in tag or " async" in tag or 'type="module"' in tag, tag


def test_images_reserve_their_space_and_load_lazily_below_the_fold(home_html):
    images = re.findall(r"<img\b[^>]*>", home_html)
    assert len(images) >= 3, "the fixture puts pictures on the home page"
    for tag in images:
        assert re.search(r'\swidth="\d+"', tag), f"no width: {tag}"
        assert re.search(r'\sheight="\d+"', tag), f"no height: {tag}"
    # The first picture may be in view at load; every later one waits until scrolled to.
    for tag in images[1:]:
        assert 'loading="lazy"' in tag, f"not lazy below the fold: {tag}"
