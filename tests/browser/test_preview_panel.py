"""An editor types in the page editor and the live preview panel beside it shows the change
(the preview is framed by the admin's own origin, nothing else)."""

import re
import uuid

from tests.browser.conftest import screenshot, sign_in


def test_the_preview_panel_shows_what_the_editor_types(browser, live_site):
    """The admin runs in its own context: Wagtail's editor has inline scripts that the
    report-only admin CSP logs, which the `page` fixture would count as violations."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked = []
    try:
        page = context.new_page()
        page.on(
            "console",
            lambda m: blocked.append(m.text) if "frame-ancestors" in m.text else None,
        )
        sign_in(page, live_site, "editor@example.org", next_path="/admin/")
        page.wait_for_url(re.compile(r"/admin/$"))
        about = live_site.query(
            "SELECT id FROM wagtailcore_page WHERE url_path = '/home/about-us/'"
        )[0][0]
        page.goto(live_site(f"/admin/pages/{about}/edit/"))
        page.get_by_role("button", name=re.compile("Toggle preview", re.I)).click()
        frame = page.frame_locator("#w-preview-iframe")
        # The panel first shows the page as saved; then it follows what is typed.
        frame.locator("h1", has_text="About us").wait_for(timeout=15000)
        # Wagtail notes the form's state once the panel is ready and refreshes on changes
        # from it, so give it a moment, then type as a person would.
        page.wait_for_timeout(1500)
        suffix = uuid.uuid4().hex[:6]
        new_title = f"About us {suffix}"
        page.locator("#id_title").press("End")
        page.locator("#id_title").press_sequentially(f" {suffix}", delay=30)
        frame.locator("h1", has_text=new_title).wait_for(timeout=15000)
        screenshot(page, "editor-preview-panel")
    finally:
        context.close()
    assert blocked == [], blocked
