"""A page's StreamField is rendered once and kept until anything is published
(`{% stream page "body" %}` in home_tags): readers after the first get the same HTML,
an edit shows as soon as it is published, and a preview always shows the draft."""

from tests.factories.home import make_content_page, make_programme_page, stream


def paragraph(text):
    return stream(("paragraph", f"<p>{text}</p>"))


def test_a_kept_body_is_the_body_and_follows_a_publish(client, home_page, fragments_on):
    page = make_content_page(home_page, body=paragraph("First words"))
    first = client.get(page.url).content.decode()
    assert "First words" in first
    assert client.get(page.url).content.decode() == first
    page.body = paragraph("Second words")
    page.save_revision().publish()
    again = client.get(page.url).content.decode()
    assert "Second words" in again and "First words" not in again


def test_the_kept_body_matches_a_fresh_render(client, home_page, settings):
    """The tag renders each block as `{% include_block %}` does, kept or not."""
    from website import fragments

    page = make_programme_page(
        home_page,
        body=stream(
            ("heading", {"text": "What we do", "level": "h2"}),
            ("paragraph", "<p>We <a href='/news/'>share news</a>.</p>"),
        ),
    )
    settings.FRAGMENT_CACHE_SECONDS = 0
    fresh = client.get(page.url).content.decode()
    settings.FRAGMENT_CACHE_SECONDS = 60
    fragments.clear()
    client.get(page.url)
    kept = client.get(page.url).content.decode()
    assert kept == fresh
    assert "What we do" in kept and "share news" in kept


def test_a_preview_shows_the_draft_not_the_kept_body(client, home_page, fragments_on):
    page = make_content_page(home_page, body=paragraph("Published words"))
    assert "Published words" in client.get(page.url).content.decode()
    page.body = paragraph("Draft words")
    preview = page.make_preview_request()
    assert "Draft words" in preview.content.decode()
    live = client.get(page.url).content.decode()
    assert "Published words" in live and "Draft words" not in live
