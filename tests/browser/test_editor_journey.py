"""An editor writes a news article with an image and its alt text in the Wagtail admin,
looks at the draft, and submits it for moderation; a moderator approves it, which
publishes it, and a visitor reads it. (Staff triage is covered by the enquiry and
opportunity journeys.)"""

import re
import uuid
from io import BytesIO

from PIL import Image
from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_structure,
    screenshot,
    sign_in,
)

ALT = "Three members of the network laughing over tea in a community hall."


def png_bytes():
    buffer = BytesIO()
    Image.new("RGB", (800, 450), (11, 93, 99)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_editor_writes_news_moderator_publishes_visitor_reads(page, browser, live_site):
    """The admin runs in its own browser context: Wagtail's editor has inline scripts that
    the site's report-only admin CSP logs, which the `page` fixture would count."""
    suffix = uuid.uuid4().hex[:6]
    title = f"Tea and talk in Walsall {suffix}"
    image_title = f"Tea and talk photo {suffix}"
    admin_context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page_id = write_and_submit(
            admin_context.new_page(), live_site, title, image_title
        )
    finally:
        admin_context.close()
    state = live_site.query(
        "SELECT status FROM wagtailcore_workflowstate WHERE object_id = ? "
        "ORDER BY id DESC LIMIT 1",
        (str(page_id),),
    )
    assert state and state[0][0] == "in_progress", state
    assert page.goto(live_site(f"/news/{slugify(title)}/")).status == 404

    # A moderator (the demo editor is also a moderator) approves, which publishes it.
    moderator_context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        mod = moderator_context.new_page()
        sign_in(mod, live_site, "editor@example.org", next_path="/admin/")
        mod.wait_for_url(re.compile(r"/admin/$"))
        mod.goto(live_site(f"/admin/pages/{page_id}/edit/"))
        open_action_menu(mod)
        with mod.expect_navigation():
            mod.locator(
                "button[data-workflow-action-name=approve]"
                ":not([data-workflow-action-modal-url])"
            ).click()
    finally:
        moderator_context.close()
    assert live_site.query(
        "SELECT live FROM wagtailcore_page WHERE id = ?", (page_id,)
    ) == [(1,)]

    # A visitor reads it.
    page.goto(live_site("/news/"))
    page.get_by_role("link", name=title).first.click()
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(f'main img[alt="{ALT}"]')).to_have_count(1)
    assert_structure(page, "new article")
    assert_accessible(page, "new article")
    screenshot(page, "editor-published-article")


def open_action_menu(page):
    page.locator(
        "footer .dropdown-toggle, footer [data-w-dropdown-target=toggle]"
    ).first.click()


def write_and_submit(page, live_site, title, image_title):
    sign_in(page, live_site, "editor@example.org", next_path="/admin/")
    page.wait_for_url(re.compile(r"/admin/$"))

    # Upload the image.
    page.goto(live_site("/admin/images/add/"))
    page.fill("#id_title", image_title)
    page.set_input_files(
        "#id_file",
        files=[{"name": "tea.png", "mimeType": "image/png", "buffer": png_bytes()}],
    )
    page.fill("#id_title", image_title)
    page.locator("form button[type=submit]", has_text="Upload").click()
    page.wait_for_url(re.compile(r"/admin/images/(\?.*)?$"))
    assert live_site.query(
        "SELECT COUNT(*) FROM wagtailimages_image WHERE title = ?", (image_title,)
    ) == [(1,)]

    # Write the article under News, with the image in the body and its alt text.
    news_id = live_site.query(
        "SELECT id FROM wagtailcore_page WHERE url_path = '/home/news/'"
    )[0][0]
    page.goto(live_site(f"/admin/pages/add/home/newspage/{news_id}/"))
    page.fill("#id_title", title)
    page.fill("#id_summary", "Members met for tea and planned the spring events.")
    body = page.locator("[data-contentpath=body]")
    body.get_by_role("button", name=re.compile("Insert a block", re.I)).first.click()
    page.get_by_role("option", name=re.compile(r"^Image$")).click()
    body.get_by_role("button", name=re.compile("Choose an image", re.I)).first.click()
    modal = page.locator(".modal")
    modal.get_by_placeholder(re.compile("search", re.I)).fill(image_title)
    modal.locator("a", has_text=image_title).first.click()
    # The choice comes back from the server; wait until the block shows it.
    expect(modal).to_be_hidden()
    expect(body.locator("[data-chooser-title]").first).to_have_text(image_title)
    alt_text = body.get_by_label(re.compile("^Alt text", re.I))
    alt_text.fill(ALT)
    expect(alt_text).to_have_value(ALT)
    # Wait for the response to the button itself, not just any edit address.
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text(title)
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page_id = re.search(r"/admin/pages/(\d+)/edit/", page.url).group(1)
    saved = live_site.query(
        "SELECT content FROM wagtailcore_revision WHERE object_id = ? "
        "ORDER BY id DESC LIMIT 1",
        (page_id,),
    )
    assert saved and ALT in saved[0][0], saved

    # Look at the draft as it will appear.
    page.goto(live_site(f"/admin/pages/{page_id}/view_draft/"))
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(f'main img[alt="{ALT}"]')).to_have_count(1)
    screenshot(page, "editor-draft-preview")

    # Submit for moderation.
    page.goto(live_site(f"/admin/pages/{page_id}/edit/"))
    open_action_menu(page)
    with page.expect_navigation():
        page.get_by_role(
            "button", name=re.compile("Submit to Moderators approval")
        ).click()
    return int(page_id)


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
