"""A visitor reads the site with the keyboard alone: home, the programme page (and its
Easy Read version), a search and a news article. No mouse clicks: Tab, Shift+Tab, Enter."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_structure,
    focused_text,
    screenshot,
    tab_to,
)

ARTICLE = "A new regional co-production network for the West Midlands"


def test_visitor_reads_programme_searches_and_opens_news_by_keyboard(page, live_site):
    page.goto(live_site("/"))
    page.keyboard.press("Tab")
    assert focused_text(page) == "Skip to main content"
    tab_to(page, "^Voices for Improvement$")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Voices for Improvement")
    assert_structure(page, "programme")

    # The Easy Read version is near the top and reachable; Shift+Tab comes back.
    tab_to(page, "^Skip to main content$")
    page.keyboard.press("Enter")
    tab_to(page, "^Easy Read version$")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text().endswith("Easy Read")
    assert page.locator(".easy-read__item img[alt]").count() >= 4
    assert_structure(page, "easy read")
    page.go_back()

    # Search from the header: Tab to the search box, type, Enter.
    tab_to(page, "Search this site")
    page.keyboard.type("West Midlands network")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/search/\?q=West", page.url)
    assert_structure(page, "search results")

    tab_to(page, "^" + re.escape(ARTICLE))
    tab_to(page, "Search", backwards=True)
    tab_to(page, "^" + re.escape(ARTICLE))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(ARTICLE)
    assert_structure(page, "news article")
    assert_accessible(page, "news article by keyboard")
    screenshot(page, "keyboard-news-article")
