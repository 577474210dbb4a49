"""A new member's first visit, as a person would do it in Chromium: accept an invitation,
set a password, fill in a profile, sign out, sign back in with an emailed code, and look at
and download their data. axe must find nothing on any page; screenshots are kept."""

import json
import re
import uuid

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_no_horizontal_scroll,
    screenshot,
    sign_in,
)

NEW_PASSWORD = "teapot river yellow ladder"


def invitation_link(live_site, email):
    message = live_site.last_email_to(email)
    assert message, f"no invitation email to {email}"
    match = re.search(r"https?://\S+?(/invitations/\S+?/)", message[1])
    assert match, message[1]
    return live_site(match.group(1))


def invite(page, live_site, email):
    """Programme staff invite the person from the admin (no MFA in test settings)."""
    sign_in(page, live_site, "staff@example.org", next_path="/admin/")
    page.goto(live_site("/admin/members-accounts/invite/"))
    page.get_by_label("Email addresses").fill(email)
    page.get_by_role("button", name="Send invitations").click()
    page.wait_for_url(re.compile(r"/admin/members/invitation/"))
    page.context.clear_cookies()


def test_new_member_joins_fills_profile_signs_in_by_code_and_downloads_data(
    page, live_site
):
    email = f"journey-{uuid.uuid4().hex[:8]}@example.org"
    invite(page, live_site, email)

    # Accept the invitation and choose a password.
    page.goto(invitation_link(live_site, email))
    expect(page.locator("h1")).to_have_text("Set up your Voices account")
    page.get_by_role("button", name="Create my account").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page, "invitation with errors")
    page.get_by_label("What should we call you?").fill("Jo")
    page.get_by_label("Create a password").fill(NEW_PASSWORD)
    page.get_by_label("Type the password again").fill(NEW_PASSWORD)
    page.get_by_label("I have read the privacy notice").check()
    assert_accessible(page, "accept invitation")
    screenshot(page, "portal-accept-invitation")
    page.get_by_role("button", name="Create my account").click()

    # The dashboard.
    expect(page).to_have_url(re.compile(r"/portal/$"))
    expect(page.locator("h1")).to_have_text("Hello, Jo")
    expect(page.get_by_text("Complete your profile")).to_be_visible()
    assert_accessible(page, "portal dashboard")
    assert_no_horizontal_scroll(page)
    screenshot(page, "portal-dashboard-new-member")

    # Fill in the profile, including access needs with consent.
    page.get_by_role("link", name="Complete your profile").click()
    page.get_by_role("combobox", name=re.compile("^Region")).select_option(
        label="West Midlands"
    )
    page.get_by_label("Coaching and mentoring").check()
    page.get_by_label("Events and workshops").check()
    page.get_by_label("Large print").check()
    page.get_by_label("Access needs and reasonable adjustments").fill(
        "Step-free venue and papers a week before, please."
    )
    page.get_by_role("button", name="Save your profile").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page, "profile with consent error")
    screenshot(page, "portal-profile-consent-error")
    page.get_by_role("link", name=re.compile("Tick the box to let us keep")).click()
    page.get_by_label("I agree that Voices may keep").check()
    assert_accessible(page, "profile form")
    screenshot(page, "portal-profile-edit")
    page.get_by_role("button", name="Save your profile").click()
    expect(page).to_have_url(re.compile(r"/portal/profile/(#.*)?$"))
    expect(page.get_by_text("Your profile has been saved.")).to_be_visible()
    expect(page.get_by_text("Step-free venue")).to_be_visible()
    assert_accessible(page, "profile")
    screenshot(page, "portal-profile")

    # Sign out, with confirmation.
    page.goto(live_site("/accounts/logout/"))
    assert_accessible(page, "sign out")
    with page.expect_navigation():
        page.locator("#main-content").get_by_role("button", name="Sign out").click()
    page.goto(live_site("/portal/"))
    assert "/accounts/login/" in page.url

    # Sign in with an emailed code.
    page.get_by_role("link", name="Email me a sign-in code").click()
    assert_accessible(page, "request a code")
    page.get_by_label("Email").fill(email)
    page.get_by_role("button", name="Send the code").click()
    page.wait_for_url(re.compile(r"/accounts/login/code/confirm/"))
    assert_accessible(page, "enter the code")
    screenshot(page, "portal-enter-code")
    page.get_by_label("Code").fill("WRONG0")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page, "wrong code")
    page.get_by_label("Code").fill(live_site.login_code_for(email))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/portal/"))
    expect(page.locator("h1")).to_have_text("Hello, Jo")
    expect(page.get_by_text("Nothing needs your attention")).to_be_visible()
    screenshot(page, "portal-dashboard-complete")

    # Look at and download my data.
    page.get_by_role("link", name="Download your data or delete your account").click()
    assert_accessible(page, "my data")
    screenshot(page, "portal-my-data")
    page.get_by_role("link", name="View your data as a page").click()
    expect(page.locator("h1")).to_have_text("Everything we hold about you")
    expect(page.get_by_text("Step-free venue")).to_be_visible()
    assert_accessible(page, "data export page")
    screenshot(page, "portal-my-data-export")
    page.go_back()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download your data as a file (JSON)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("voices-my-data-")
    data = json.loads(open(download.path(), encoding="utf-8").read())
    assert data["account"][0]["email"] == email
    assert data["profile"][0]["access_needs"].startswith("Step-free venue")
    assert data["profile"][0]["region"] == "West Midlands"


def test_sign_in_page_errors_are_accessible_and_give_no_hint(page, live_site):
    page.goto(live_site("/accounts/login/"))
    expect(page.get_by_role("link", name="Email me a sign-in code")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("sign up", re.I))).to_have_count(0)
    page.get_by_label("Email").fill("nobody@example.org")
    page.get_by_label("Password").fill("wrong password entirely")
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("not correct")
    assert_accessible(page, "sign-in error")
    screenshot(page, "portal-sign-in-error")


def test_apply_to_join_form_is_accessible(page, live_site):
    page.goto(live_site("/join/"))
    page.get_by_role("button", name="Send my application").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page, "apply with errors")
    screenshot(page, "portal-apply-errors")


def test_demo_member_sees_their_dashboard(page, live_site):
    sign_in(page, live_site, "member@example.org")
    page.wait_for_url(re.compile(r"/portal/"))
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page, "demo member dashboard")
    assert_no_horizontal_scroll(page)
    screenshot(page, "portal-dashboard-demo-member")


def test_account_pages_are_restyled_and_accessible(page, live_site):
    page.goto(live_site("/accounts/password/reset/"))
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page, "password reset")
    screenshot(page, "account-password-reset")
    sign_in(page, live_site, "cochair@example.org")
    page.wait_for_url(re.compile(r"/portal/"))
    for path, name in [
        ("/accounts/password/change/", "account-password-change"),
        ("/accounts/email/", "account-email"),
        ("/accounts/2fa/", "account-two-step"),
        ("/portal/profile/", "portal-profile-cochair"),
        ("/portal/my-data/", "portal-my-data-cochair"),
    ]:
        page.goto(live_site(path))
        expect(page.locator("h1"), path).to_have_count(1)
        assert_accessible(page, path)
        assert_no_horizontal_scroll(page)
        screenshot(page, name)
