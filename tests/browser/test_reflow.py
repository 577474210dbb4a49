"""Reflow and text size: every public and portal page at 320 CSS px needs no sideways
scrolling (WCAG 1.4.10), and with text at 200% the layout holds (WCAG 1.4.4)."""

import re

from tests.browser.conftest import sign_in
from tests.browser.test_structure import PORTAL_PAGES, PUBLIC_PAGES

WIDTHS_JS = """() => {
  const doc = document.documentElement;
  const wide = [];
  for (const el of document.querySelectorAll('main *, header *, footer *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > doc.clientWidth + 1 && !el.closest('.skip-link, .visually-hidden, table, pre'))
      wide.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : ''));
  }
  return {scroll: doc.scrollWidth, client: doc.clientWidth, wide: wide.slice(0, 5)};
}"""


def assert_reflows(page, path):
    page.set_viewport_size({"width": 320, "height": 800})
    result = page.evaluate(WIDTHS_JS)
    assert result["scroll"] <= result["client"] and not result["wide"], (
        f"{path} at 320px: page {result['scroll']}px in {result['client']}px; "
        f"too wide: {result['wide']}"
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    result = page.evaluate(WIDTHS_JS)
    assert result["scroll"] <= result["client"], (
        f"{path} with 200% text: page {result['scroll']}px in {result['client']}px; "
        f"too wide: {result['wide']}"
    )


def test_public_pages_reflow_at_320px_and_200_percent_text(page, live_site):
    for path in PUBLIC_PAGES:
        page.goto(live_site(path))
        assert_reflows(page, path)


def test_portal_pages_reflow_at_320px_and_200_percent_text(page, live_site):
    sign_in(page, live_site, "member@example.org")
    page.wait_for_url(re.compile(r"/portal/"))
    for path in PORTAL_PAGES:
        page.goto(live_site(path))
        assert_reflows(page, path)
