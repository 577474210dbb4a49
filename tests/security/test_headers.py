"""Response headers (security checklist HD-1, HD-3, HD-4, HD-5, HD-6) under the test settings;
the production-only parts (HSTS, redirects, cookies) are in test_production_http.py."""

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import UserFactory
from tests.factories.enquiries import make_enquiry_page


@pytest.fixture
def site(home_page):
    make_enquiry_page(home_page)
    return home_page


@pytest.fixture
def signed_in(db):
    client = Client()
    client.force_login(UserFactory(email="headers@example.org", groups=["Members"]))
    return client


def directives(header):
    result = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            result[words[0]] = words[1:]
    return result


def assert_strict_csp(response):
    csp = directives(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert "'self'" in csp["script-src"]
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    hosts = [s for values in csp.values() for s in values if "." in s or "//" in s]
    assert not hosts, f"third-party sources in CSP: {hosts}"


@pytest.mark.parametrize(
    "path", ["/", "/enquire/", "/accounts/login/", "/no-such-page/", "/search/?q=x"]
)
def test_hd3_strict_csp_on_public_pages(client, site, path):
    assert_strict_csp(client.get(path))


def test_hd3_strict_csp_on_the_portal(signed_in, site):
    response = signed_in.get("/portal/")
    assert response.status_code == 200
    assert_strict_csp(response)


def test_hd3_the_policy_offers_a_nonce_for_scripts():
    """django-csp adds a fresh nonce to script-src whenever a template uses one."""
    from csp.constants import NONCE

    assert NONCE in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"]
    assert "/admin/" in settings.CONTENT_SECURITY_POLICY["EXCLUDE_URL_PREFIXES"]


def test_hd3_admin_gets_a_report_only_policy(signed_in, superuser):
    client = Client()
    client.force_login(superuser)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    report_only = directives(response["Content-Security-Policy-Report-Only"])
    assert report_only["object-src"] == ["'none'"]
    assert report_only["default-src"] == ["'self'"]


@pytest.mark.parametrize(
    "path", ["/", "/enquire/", "/accounts/login/", "/no-such-page/"]
)
def test_hd3_public_pages_carry_no_report_only_policy_that_nobody_reads(
    client, site, path
):
    """A report-only policy without a report address only adds noise outside the admin."""
    assert "Content-Security-Policy-Report-Only" not in client.get(path)


def test_hd3_portal_carries_no_report_only_policy(signed_in, site):
    assert "Content-Security-Policy-Report-Only" not in signed_in.get("/portal/")


POWERFUL_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb")


@pytest.mark.parametrize("path", ["/", "/portal/", "/no-such-page/", "/healthz"])
def test_hd4_powerful_browser_features_are_turned_off(client, site, path):
    policy = client.get(path)["Permissions-Policy"]
    features = dict(part.strip().split("=", 1) for part in policy.split(","))
    for feature in POWERFUL_FEATURES:
        assert features[feature] == "()", feature


def baseline(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] in (
        "strict-origin-when-cross-origin",
        "same-origin",
        "no-referrer",
        "strict-origin",
    )
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        ("/portal/", 302),
        ("/no-such-page/", 404),
        ("/healthz", 200),
        ("/.well-known/security.txt", 200),
    ],
)
def test_hd4_baseline_headers(client, site, path, status):
    response = client.get(path)
    assert response.status_code == status
    baseline(response)


def test_hd4_baseline_headers_on_a_403(signed_in, site):
    response = signed_in.get("/admin/members/enquiry/")
    assert response.status_code in (302, 403)
    baseline(response)


def test_hd4_baseline_headers_on_a_csrf_403(site):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/enquire/", {"full_name": "x"})
    assert response.status_code == 403
    baseline(response)


def test_hd4_and_hd6_baseline_headers_on_a_500_without_a_traceback(site, monkeypatch):
    from wagtail.models import Page

    def explode(self, request, *args, **kwargs):
        raise RuntimeError("ZZ-SECRET-TRACE")

    monkeypatch.setattr(Page, "serve", explode)
    client = Client(raise_request_exception=False)
    response = client.get("/")
    assert response.status_code == 500
    assert b"ZZ-SECRET-TRACE" not in response.content
    assert b"Traceback" not in response.content
    baseline(response)


def test_hd4_baseline_headers_on_a_document(site, settings, tmp_path):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    # Serving needs a real file on disk (the suite's in-memory storage has no paths).
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    document = get_document_model()(title="Minutes")
    document.file.save("minutes.pdf", ContentFile(b"%PDF-1.4 minutes"), save=False)
    document.save()
    response = Client().get(document.url)
    assert response.status_code == 200
    baseline(response)
    assert response["Content-Disposition"].startswith("attachment")


PERSONAL = [
    "/portal/",
    "/portal/profile/",
    "/portal/my-data/",
    "/portal/interests/",
    "/accounts/email/",
    "/accounts/password/change/",
]


@pytest.mark.parametrize("path", PERSONAL)
def test_hd5_personal_pages_are_never_stored(signed_in, site, path):
    response = signed_in.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_hd5_admin_and_sign_in_pages_are_never_stored(client, site, superuser):
    assert "no-store" in client.get("/accounts/login/")["Cache-Control"]
    admin = Client()
    admin.force_login(superuser)
    assert "no-store" in admin.get("/admin/")["Cache-Control"]


# /enquire/ is deliberately not here: it carries a CSRF token and a signed render time (SP-1),
# so it is never cached (see docs/security.md).
@pytest.mark.parametrize(
    ("path", "status"), [("/", 200), ("/search/?q=care", 200), ("/no-such-page/", 404)]
)
def test_hd5_anonymous_public_pages_stay_cacheable(client, site, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert "no-store" not in response.get("Cache-Control", "")
    assert "private" not in response.get("Cache-Control", "")


def test_hd5_public_pages_seen_signed_in_are_private(signed_in, site):
    """A signed-in visitor's header shows their name, so even public pages are not shared."""
    assert "no-store" in signed_in.get("/")["Cache-Control"]


def test_hd6_debug_is_off_and_security_txt_is_served(client, db):
    assert settings.DEBUG is False
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert b"Contact:" in response.content
    assert b"Expires:" in response.content


def test_hd1_form_builder_help_text_html_is_off_and_translation_apps_are_absent():
    assert settings.WAGTAILFORMS_HELP_TEXT_ALLOW_HTML is False
    assert "wagtail.contrib.simple_translation" not in settings.INSTALLED_APPS
    assert "wagtail.locales" not in settings.INSTALLED_APPS
