"""News listing, tag filters, pagination limits and the RSS feed."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories.home import ensure_news_index, make_news


@pytest.fixture
def news(home_page):
    return ensure_news_index(home_page)


def test_news_is_listed_newest_first_ten_to_a_page(client, news):
    for _ in range(12):
        make_news(news)
    first = client.get("/news/")
    assert first.status_code == 200
    assert first.content.decode().count('class="card card--media"') == 10
    assert "Page 1 of 2" in first.content.decode()
    second = client.get("/news/?page=2")
    assert second.content.decode().count('class="card card--media"') == 2


@pytest.mark.parametrize("page", ["999", "-1", "abc", "1e9", "%00"])
def test_page_numbers_out_of_range_show_a_real_page(client, news, page):
    make_news(news)
    response = client.get(f"/news/?page={page}")
    assert response.status_code == 200
    assert 'class="card card--media"' in response.content.decode()


def test_tag_filter_lists_only_matching_news(client, news):
    make_news(news, title="About coaching", tags=["Coaching"])
    make_news(news, title="About networks", tags=["Networks"])
    html = client.get("/news/?tag=coaching").content.decode()
    assert "About coaching" in html and "About networks" not in html
    assert "Show all news" in html


@pytest.mark.parametrize("tag", ["no-such-tag", "x" * 5000, "'; DROP TABLE x;--", "😀"])
def test_unknown_tag_is_not_found_not_an_error(client, news, tag):
    make_news(news, tags=["Coaching"])
    assert client.get("/news/", {"tag": tag}).status_code == 404


def test_article_shows_date_authors_and_tag_links(client, news):
    from tests.factories.home import PersonFactory

    article = make_news(
        news,
        authors=[PersonFactory(name="Ana Ruiz"), PersonFactory(name="Ben Ode")],
        tags=["West Midlands"],
    )
    html = client.get(article.url).content.decode()
    assert "By Ana Ruiz and Ben Ode" in html or "By Ben Ode and Ana Ruiz" in html
    assert '<time datetime="' in html
    assert "/news/?tag=west-midlands" in html


def test_kept_authors_and_tags_follow_a_new_publish(client, news, fragments_on):
    """The article's authors and tags are kept between readers (website/fragments.py);
    publishing the article again shows the new ones at once."""
    from tests.factories.home import PersonFactory

    article = make_news(
        news, authors=[PersonFactory(name="Ana Ruiz")], tags=["West Midlands"]
    )
    first = client.get(article.url).content.decode()
    assert "By Ana Ruiz" in first and "/news/?tag=west-midlands" in first
    assert (
        client.get(article.url).content.decode() == first
    )  # served from the kept copy
    article.authors = [PersonFactory(name="Dee Okafor")]
    article.tags.set(["Carers"], clear=True)
    article.save_revision().publish()
    again = client.get(article.url).content.decode()
    assert "By Dee Okafor" in again and "Ana Ruiz" not in again
    assert "/news/?tag=carers" in again and "tag=west-midlands" not in again


def test_feed_is_valid_rss_with_the_latest_articles(client, news):
    import datetime

    make_news(news, title="Older", date=datetime.date(2020, 1, 1))
    make_news(news, title="Newest & best", date=datetime.date(2026, 1, 1))
    response = client.get("/news/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed, in a test
    titles = [item.findtext("title") for item in root.iter("item")]
    assert titles[:2] == ["Newest & best", "Older"]
    links = [item.findtext("link") for item in root.iter("item")]
    assert all(link.startswith("http://testserver/news/") for link in links)


def test_feed_without_trailing_slash_redirects(client, news):
    response = client.get("/news/feed")
    assert response.status_code in (301, 302)
