"""Unhappy paths answer with an accessible page and announce what went wrong: a wrong
password, an expired invitation link, a closed opportunity and a rate-limited form."""

import re
import uuid

from playwright.sync_api import expect

from tests.browser.conftest import (
    assert_accessible,
    assert_structure,
    screenshot,
    sign_in,
)
from tests.browser.test_portal_journey import invitation_link, invite


def announced(page):
    """The text of the error summary (role=alert or focused), or the page's h1."""
    summary = page.locator(".error-summary, [data-error-summary]")
    if summary.count():
        expect(summary.first).to_be_visible()
        focused_or_alert = page.evaluate(
            """() => { const s = document.querySelector('.error-summary, [data-error-summary]');
            return s === document.activeElement || s.getAttribute('role') === 'alert' ||
              !!s.closest('[role=alert]'); }"""
        )
        assert focused_or_alert, "the error summary is neither focused nor an alert"
        return summary.first.inner_text()
    return page.locator("h1").inner_text()


def test_wrong_password_is_announced(page, live_site):
    sign_in(page, live_site, "member@example.org", password="not the password")
    assert page.title().startswith("Error:")
    assert "not correct" in announced(page)
    assert_structure(page, "wrong password")
    assert_accessible(page, "wrong password")


def test_expired_invitation_link_explains_itself(page, live_site):
    email = f"expired-{uuid.uuid4().hex[:8]}@example.org"
    invite(page, live_site, email)
    with live_site_db(live_site) as conn:
        conn.execute(
            "UPDATE members_invitation SET expires_at = '2020-01-01 00:00:00' "
            "WHERE lower(email) = ?",
            (email,),
        )
    response = page.goto(invitation_link(live_site, email))
    assert response.status == 404  # the same calm page as any link that does not work
    text = announced(page)
    assert re.search(
        r"expired|no longer works|not valid|used", text + page.inner_text("main"), re.I
    )
    expect(page.get_by_role("button", name="Create my account")).to_have_count(0)
    assert_structure(page, "expired invitation")
    assert_accessible(page, "expired invitation")
    screenshot(page, "unhappy-expired-invitation")


def test_closed_opportunity_says_it_is_closed(page, live_site):
    sign_in(page, live_site, "member@example.org")
    page.wait_for_url(re.compile(r"/portal/"))
    page.goto(live_site("/opportunities/lived-experience-co-lead-part-time/"))
    main = page.inner_text("main")
    assert re.search(r"closed", main, re.I), main[:400]
    expect(page.get_by_role("link", name="Express interest")).to_have_count(0)
    assert_structure(page, "closed opportunity")
    assert_accessible(page, "closed opportunity")
    screenshot(page, "unhappy-closed-opportunity")


def test_rate_limited_sign_in_is_announced(page, live_site):
    email = f"limited-{uuid.uuid4().hex[:8]}@example.org"
    for _ in range(6):
        sign_in(page, live_site, email, password="wrong every time")
    text = announced(page)
    assert re.search(r"too many", text, re.I), text
    assert page.title().startswith("Error:")
    assert_structure(page, "rate limited")
    assert_accessible(page, "rate limited sign-in")
    screenshot(page, "unhappy-rate-limited")


class live_site_db:
    """A writable connection to the test site's database, committed on exit."""

    def __init__(self, live_site):
        import sqlite3

        self.conn = sqlite3.connect(live_site.db_path)

    def __enter__(self):
        return self.conn

    def __exit__(self, *exc):
        self.conn.commit()
        self.conn.close()
