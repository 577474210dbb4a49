"""At 360 px no table cuts a cell off: each table fits its box, or its box scrolls and is a
labelled region that a keyboard can focus (and so scroll). No column is hidden. The pages
with tables are visited as the demo people who see them."""

import re

import pytest

from tests.browser.conftest import assert_accessible, screenshot, sign_in

WORKSPACE = "/portal/networks/west-midlands/"

TABLES_JS = """() => [...document.querySelectorAll('main table')].map(table => {
  const box = table.parentElement;
  const scrolls = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
  const label = box.getAttribute('aria-labelledby');
  const hidden = [...table.querySelectorAll('th, td')].filter(cell =>
    getComputedStyle(cell).display === 'none' || cell.getBoundingClientRect().width === 0);
  return {
    name: (table.caption && table.caption.textContent.trim()) || table.outerHTML.slice(0, 60),
    fits: table.scrollWidth <= box.clientWidth + 1,
    scrollRegion: scrolls && box.tabIndex === 0 && box.getAttribute('role') === 'region'
      && !!(label ? document.getElementById(label) : box.getAttribute('aria-label')),
    inPage: box.getBoundingClientRect().right <= document.documentElement.clientWidth + 1,
    hiddenCells: hidden.length,
  };
})"""

PEOPLE = [
    ("member@example.org", ["/portal/interests/"], None),
    ("cochair@example.org", [WORKSPACE], rf"{re.escape(WORKSPACE)}meetings/\d+/$"),
    ("partner@example.org", ["/portal/pairings/"], r"^/portal/pairings/\d+/$"),
]


def first_link(page, pattern):
    hrefs = page.eval_on_selector_all(
        "main a[href]", "links => links.map(a => a.getAttribute('href'))"
    )
    return next(href for href in hrefs if re.search(pattern, href))


def assert_tables_whole(page, label):
    page.set_viewport_size({"width": 360, "height": 800})
    tables = page.evaluate(TABLES_JS)
    for table in tables:
        assert table["fits"] or table["scrollRegion"], (
            f"{label}: {table['name']} is cut off"
        )
        assert table["inPage"], f"{label}: {table['name']} runs off the page"
        assert not table["hiddenCells"], f"{label}: {table['name']} hides a column"
    assert_accessible(page, f"{label} at 360 px")
    page.set_viewport_size({"width": 1280, "height": 900})
    return len(tables)


@pytest.mark.parametrize(("email", "paths", "detail"), PEOPLE)
def test_tables_stay_whole_at_360px(page, live_site, email, paths, detail):
    sign_in(page, live_site, email)
    page.wait_for_url(re.compile(r"/portal/"))
    found = 0
    for path in paths:
        page.goto(live_site(path))
        found += assert_tables_whole(page, path)
        if detail:
            page.goto(live_site(first_link(page, detail)))
            found += assert_tables_whole(page, page.url)
            screenshot(page, f"narrow-tables-{email.split('@')[0]}")
    assert found, f"no table was checked for {email}"
