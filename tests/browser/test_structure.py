"""Focus, headings, landmarks and labels on every public and portal page the journeys
visit, including forms showing errors: first Tab reaches the skip link, focus is always
visible, one h1 and no skipped levels, every field labelled and described."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_keyboard_basics,
    assert_structure,
    screenshot,
    sign_in,
)

PUBLIC_PAGES = [
    "/",
    "/voices-for-improvement/",
    "/voices-for-improvement/easy-read/",
    "/what-is-co-production/",
    "/about-us/",
    "/about-us/people/",
    "/accessibility/",
    "/privacy/",
    "/news/",
    "/news/new-west-midlands-regional-co-production-network/",
    "/search/?q=network",
    "/search/?q=zzzz-nothing-matches",
    "/enquire/",
    "/enquiry-easy-read/",
    "/networks/",
    "/networks/west-midlands/",
    "/join/",
    "/accounts/login/",
    "/accounts/login/code/",
    "/accounts/password/reset/",
]

PORTAL_PAGES = [
    "/portal/",
    "/portal/profile/",
    "/portal/profile/edit/",
    "/portal/my-data/",
    "/portal/interests/",
    "/opportunities/",
    "/opportunities/telling-your-story-safely-workshop/",
]


def check(page, live_site, path):
    page.goto(live_site(path))
    assert_structure(page, path)
    assert_keyboard_basics(page)


def test_public_pages_have_structure_and_visible_focus(page, live_site):
    for path in PUBLIC_PAGES:
        check(page, live_site, path)


def test_portal_pages_have_structure_and_visible_focus(page, live_site):
    sign_in(page, live_site, "member@example.org")
    page.wait_for_url(re.compile(r"/portal/"))
    for path in PORTAL_PAGES:
        check(page, live_site, path)


def test_forms_showing_errors_are_described_and_titled(page, live_site):
    for path, button in [
        ("/join/", "Send my application"),
        ("/accounts/login/", "Sign in"),
        ("/accounts/password/reset/", None),
    ]:
        page.goto(live_site(path))
        submit = (
            page.get_by_role("button", name=button, exact=True)
            if button
            else page.locator("main form button[type=submit]").first
        )
        # The answer is a new page: wait for it, not for whatever is on screen at the click.
        with page.expect_navigation():
            submit.click()
        expect(page.locator(".error-summary, .field__error").first).to_be_visible()
        assert page.title().startswith("Error:"), f"{path}: {page.title()}"
        assert_structure(page, path + " with errors")
        assert_accessible(page, path + " with errors")


def test_easy_read_versions_are_linked_accessible_and_large(page, live_site):
    for original, easy in [
        ("/voices-for-improvement/", "/voices-for-improvement/easy-read/"),
        ("/enquire/", "/enquiry-easy-read/"),
    ]:
        page.goto(live_site(original))
        link = page.get_by_role("link", name="Easy Read version")
        expect(link, original).to_be_visible()
        link.click()
        expect(page).to_have_url(live_site(easy))
        items = page.locator(".easy-read__item")
        assert items.count() >= 4
        for alt in items.locator("img").evaluate_all("els => els.map(e => e.alt)"):
            assert alt.strip(), "an Easy Read picture has no alt text"
        size = page.locator(".easy-read__text").first.evaluate(
            "el => parseFloat(getComputedStyle(el).fontSize)"
        )
        assert size >= 24, f"Easy Read text is {size}px"
        back = page.get_by_role("link", name=re.compile("Read the standard version"))
        assert back.get_attribute("href") == original
        assert_structure(page, easy)
        assert_accessible(page, easy)
        screenshot(page, "easy-read" + easy.rstrip("/").replace("/", "-"))
