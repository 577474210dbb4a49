"""At 360 px the header is one short row with a "Menu" button, so content starts within the
first screen; the button opens every menu link, with or without JavaScript. At desktop width
the menu is shown as it always was."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, screenshot

MENU_LINKS = ("Opportunities", "Networks", "Work with us")


def header_height(page):
    return page.evaluate(
        "() => document.querySelector('.site-header').getBoundingClientRect().height"
    )


def test_the_mobile_header_is_short_and_its_menu_button_opens_every_link(
    page, live_site
):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(live_site("/"))
    assert header_height(page) < 120
    nav = page.get_by_role("navigation", name="Main")
    expect(nav).to_be_hidden()
    assert_accessible(page, "home at 360 px, menu closed")

    # Keyboard: the skip link, the site name, then the Menu button.
    toggle = page.locator("summary", has_text="Menu")
    toggle.focus()
    page.keyboard.press("Enter")
    for name in MENU_LINKS:
        expect(nav.get_by_role("link", name=name), name).to_be_visible()
    expect(page.get_by_role("search")).to_be_visible()
    assert_accessible(page, "home at 360 px, menu open")
    screenshot(page, "mobile-menu-open")


def test_the_menu_is_open_at_desktop_width(page, live_site):
    page.goto(live_site("/"))
    nav = page.get_by_role("navigation", name="Main")
    for name in MENU_LINKS:
        expect(nav.get_by_role("link", name=name), name).to_be_visible()
    expect(page.locator("summary", has_text="Menu")).to_be_hidden()
    assert header_height(page) < 200
    screenshot(page, "desktop-menu")


@pytest.mark.parametrize("width", [360, 1280])
def test_the_menu_works_without_javascript(browser, live_site, width):
    context = browser.new_context(
        viewport={"width": width, "height": 800}, java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto(live_site("/"))
        nav = page.get_by_role("navigation", name="Main")
        if width < 600:
            page.locator("summary", has_text="Menu").click()
        for name in MENU_LINKS:
            expect(
                nav.get_by_role("link", name=name), f"{width} px: {name}"
            ).to_be_visible()
    finally:
        context.close()
