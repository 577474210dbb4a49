"""A visitor reads the home page, a news article and the programme page, then searches;
each page is axe-clean and looked at by a person at desktop and 360 px widths."""

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    screenshot,
)


def test_visitor_reads_home_news_and_programme_then_searches(page, live_site):
    page.goto(live_site("/"))
    expect(page.locator("h1")).to_have_count(1)
    expect(page.get_by_role("heading", name="Latest news")).to_be_visible()
    expect(page.locator('.main-nav a[aria-current="page"]')).to_have_text("Home")
    assert_accessible(page, "home")
    assert_no_horizontal_scroll(page)
    screenshot(page, "content-home")

    page.get_by_role(
        "link", name="A new regional co-production network for the West Midlands"
    ).first.click()
    assert page.locator("h1").inner_text().startswith("A new regional co-production")
    expect(page.locator('.main-nav a[aria-current="true"]')).to_have_text("News")
    assert_accessible(page, "news article")
    assert_no_horizontal_scroll(page)
    screenshot(page, "content-news-article")

    page.locator(".main-nav").get_by_role("link", name="Voices for Improvement").click()
    expect(page.locator("h1")).to_have_text("Voices for Improvement")
    page.get_by_text("Is it confidential?").click()
    expect(page.get_by_text("stays between you")).to_be_visible()
    assert_accessible(page, "programme")
    assert_no_horizontal_scroll(page)
    screenshot(page, "content-programme")

    page.get_by_role("searchbox", name="Search this site").first.fill(
        "West Midlands network"
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    expect(
        page.get_by_role(
            "link", name="A new regional co-production network for the West Midlands"
        )
    ).to_be_visible()
    assert_accessible(page, "search results")
    screenshot(page, "content-search")

    page.goto(live_site("/search/?q=%25%22%F0%9F%98%80"))
    expect(page.locator("h1")).to_have_text("Search")
    assert_accessible(page, "odd search")


def test_news_index_and_people_page_are_accessible(page, live_site):
    page.goto(live_site("/news/"))
    assert page.locator(".cards img").first.get_attribute("loading") == "lazy"
    assert_accessible(page, "news index")
    screenshot(page, "content-news-index")
    page.goto(live_site("/about-us/people/"))
    expect(page.get_by_text("Demo person").first).to_be_visible()
    assert_accessible(page, "people")
    assert_no_horizontal_scroll(page)
    screenshot(page, "content-people")
