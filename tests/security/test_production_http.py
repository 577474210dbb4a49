"""HTTPS, HSTS, cookie attributes and host checks under the real production settings (HD-2, SE-4, HD-6)."""

import pytest

from tests.security.production_site import run_probe

pytestmark = pytest.mark.isolated


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    return run_probe(
        "prod_probe.py",
        tmp_path_factory.mktemp("prod"),
        SECRET_KEY="throwaway-" + "p" * 50,
        PROBE_PASSWORD="a-long-and-unusual-passphrase",
        REQUIRE_STAFF_MFA="true",
    )


def test_hd2_plain_http_is_redirected_to_https(probe):
    assert probe["insecure_status"] == 301
    assert probe["insecure_location"] == "https://voices.example.org/healthz"


def test_hd2_https_responses_carry_hsts_for_a_year_with_subdomains(probe):
    assert probe["secure_status"] == 200
    assert "max-age=31536000" in probe["hsts"]
    assert "includeSubDomains" in probe["hsts"]


def test_hd2_forwarded_proto_from_the_proxy_counts_as_secure(probe):
    assert probe["forwarded_status"] == 200


def test_hd6_unknown_host_gets_400(probe):
    assert probe["bad_host_status"] == 400


def test_se4_cookies_are_host_prefixed_secure_and_lax(probe):
    assert probe["login_status"] == 302
    session, csrf = probe["session_cookie"], probe["csrf_cookie"]
    assert session["present"] and csrf["present"]
    assert session["secure"] and session["httponly"]
    assert csrf["secure"]
    assert session["samesite"] == csrf["samesite"] == "Lax"
    assert session["path"] == csrf["path"] == "/"
    assert session["domain"] == csrf["domain"] == ""


def test_hd5_signed_in_pages_are_not_stored(probe):
    assert probe["portal_status"] == 200
    assert "no-store" in probe["portal_cache_control"]
