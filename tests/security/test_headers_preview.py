"""Wagtail's live preview panel shows the page in an iframe on the admin's own origin, so a
preview response may be framed by that origin (and only it); every other page still refuses
to be framed at all (HD-3, HD-4)."""

import pytest

from tests.security.test_headers import directives


def test_a_preview_may_be_framed_by_the_admin_only(home_page):
    # The admin's preview views answer with exactly this response (Wagtail builds it by
    # running a dummy request for the page's own URL through the whole middleware stack).
    response = home_page.make_preview_request()
    assert response.status_code == 200
    csp = directives(response["Content-Security-Policy"])
    assert csp["frame-ancestors"] == ["'self'"]
    # Nothing else about the strict policy is loosened for previews.
    assert csp["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["script-src"]
    assert csp["object-src"] == ["'none'"]


@pytest.mark.parametrize("path", ["/", "/search/?q=x", "/accounts/login/"])
def test_ordinary_pages_still_refuse_all_framing(client, home_page, path):
    response = client.get(path)
    assert response["X-Frame-Options"] == "DENY"
    csp = directives(response["Content-Security-Policy"])
    assert csp["frame-ancestors"] == ["'none'"]
