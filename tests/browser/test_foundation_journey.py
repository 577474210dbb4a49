"""A visitor reaches the site, skips to the content with the keyboard, and finds sign-in."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    screenshot,
)


def test_first_tab_reaches_the_skip_link_which_moves_focus_to_main(page, live_site):
    page.goto(live_site("/"))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    outline = page.evaluate(
        "getComputedStyle(document.activeElement).outlineStyle + ' ' + "
        "getComputedStyle(document.activeElement).backgroundColor"
    )
    assert outline.split()[0] != "none" or "255, 221, 0" in outline
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_home_page_is_accessible_and_reflows(page, live_site):
    page.goto(live_site("/"))
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("main#main-content")).to_have_count(1)
    assert page.locator("header").count() >= 1 and page.locator("footer").count() >= 1
    assert_accessible(page, "home")
    assert_no_horizontal_scroll(page)
    screenshot(page, "home")


def test_portal_sends_a_visitor_to_sign_in_and_back(page, live_site):
    page.goto(live_site("/portal/"))
    assert re.search(r"/accounts/login/\?next=/portal/", page.url)
    assert_accessible(page, "sign in")
    screenshot(page, "sign-in")


def test_not_found_page_is_friendly_and_accessible(page, live_site):
    response = page.goto(live_site("/no-such-page/"))
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page not found")
    assert_accessible(page, "404")
