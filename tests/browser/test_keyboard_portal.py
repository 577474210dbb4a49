"""Members and co-chairs with the keyboard alone: sign in with an emailed code, update
access needs, express interest and withdraw it, download their data; a co-chair posts an
update. Tab, Shift+Tab, Enter, Space and arrow keys only; never a mouse click."""

import json
import re

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_structure,
    focused_text,
    screenshot,
    tab_to,
)

OPPORTUNITY = "/opportunities/telling-your-story-safely-workshop/"


def press_enter_and_wait(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


def sign_in_with_code(page, live_site, email, next_path="/portal/"):
    page.goto(live_site(f"/accounts/login/?next={next_path}"))
    tab_to(page, "Email me a sign-in code")
    press_enter_and_wait(page)
    tab_to(page, "Email")
    page.keyboard.type(email)
    press_enter_and_wait(page)
    assert "/accounts/login/code/confirm/" in page.url
    assert_structure(page, "enter the code")
    tab_to(page, "Code")
    page.keyboard.type(live_site.login_code_for(email))
    press_enter_and_wait(page)


def test_member_by_keyboard_signs_in_with_code_updates_needs_and_uses_interest(
    page, live_site
):
    sign_in_with_code(page, live_site, "member@example.org")
    page.wait_for_url(re.compile(r"/portal/"))
    assert_structure(page, "portal")

    # Access needs, from the profile.
    page.goto(live_site("/portal/profile/edit/"))
    tab_to(page, "Access needs and reasonable adjustments")
    page.keyboard.press("Control+A")
    page.keyboard.type("Captions on video calls, please.")
    if not page.is_checked("input[name=special_category_consent]"):
        tab_to(page, "I agree that Voices may keep")
        page.keyboard.press("Space")
    tab_to(page, "Save your profile")
    press_enter_and_wait(page)
    expect(page.get_by_text("Your profile has been saved.")).to_be_visible()
    expect(page.get_by_text("Captions on video calls")).to_be_visible()

    # Express interest, then withdraw it.
    page.goto(live_site(OPPORTUNITY))
    tab_to(page, "^Express interest$")
    press_enter_and_wait(page)
    tab_to(page, "Why are you interested")
    page.keyboard.type(
        "I want to learn to tell my story without it costing me too much."
    )
    tab_to(page, "When are you available")
    page.keyboard.type("Tuesday afternoons")
    tab_to(page, "Send my interest")
    press_enter_and_wait(page)
    expect(page.locator("main")).to_contain_text("Submitted (pending review)")
    assert_structure(page, "interest detail")
    tab_to(page, "Withdraw my interest")
    press_enter_and_wait(page)
    assert_structure(page, "withdraw confirmation")
    tab_to(page, "Yes, withdraw my interest")
    press_enter_and_wait(page)
    expect(page.locator("main")).to_contain_text("Withdrawn")

    # Download my data.
    page.goto(live_site("/portal/my-data/"))
    tab_to(page, "Download your data as a file")
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    data = json.loads(open(download_info.value.path(), encoding="utf-8").read())
    assert data["profile"][0]["access_needs"].startswith("Captions on video calls")
    assert_accessible(page, "my data by keyboard")


def test_cochair_posts_an_update_by_keyboard(page, live_site):
    sign_in_with_code(
        page, live_site, "cochair@example.org", "/portal/networks/west-midlands/"
    )
    page.wait_for_url(re.compile(r"/portal/networks/west-midlands/"))
    tab_to(page, "Write an update")
    press_enter_and_wait(page)
    assert_structure(page, "update form")
    tab_to(page, "^Title")
    page.keyboard.type("Keyboard-written update about the March meeting")
    tab_to(page, "Text of the update")
    page.keyboard.type("We meet on 12 March at the library. Step-free entrance.")
    # Into the audience radios; arrows move between them.
    tab_to(page, "Everyone|members only")
    for _ in range(4):
        if re.search("Everyone", focused_text(page)):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    tab_to(page, "^Publish$")
    press_enter_and_wait(page)
    expect(
        page.locator(".messages").get_by_text("Keyboard-written update")
    ).to_have_count(1)
    assert_structure(page, "workspace after posting")
    assert_accessible(page, "workspace after keyboard post")
    screenshot(page, "keyboard-cochair-posted")
