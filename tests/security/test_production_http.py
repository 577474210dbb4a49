"""HTTPS, HSTS, cookie attributes and host checks under the real production settings (HD-2, SE-4, HD-6)."""

import subprocess
import sys

import pytest

from tests.migrated import shared_folder
from tests.security.production_site import ROOT, outside_environment, run_probe

pytestmark = pytest.mark.isolated


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    return run_probe(
        "prod_probe.py",
        tmp_path_factory.mktemp("prod"),
        shared_folder(tmp_path_factory),
        SECRET_KEY="throwaway-" + "p" * 50,
        PROBE_PASSWORD="a-long-and-unusual-passphrase",
        REQUIRE_STAFF_MFA="true",
        TRUSTED_PROXY_COUNT="1",
    )


def production_setting(name, **environment):
    """One setting's value as the production settings module computes it."""
    env = outside_environment()
    env.update(
        SECRET_KEY="throwaway-" + "s" * 50,
        ALLOWED_HOSTS="voices.example.org",
        PYTHONPATH=str(ROOT),
        **environment,
    )
    code = f"import website.settings.production as p; print(repr(p.{name}))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_hd2_plain_http_is_redirected_to_https(probe):
    assert probe["insecure_status"] == 301
    assert probe["insecure_location"] == "https://voices.example.org/healthz"


def test_hd2_https_responses_carry_hsts_for_a_year_with_subdomains(probe):
    assert probe["secure_status"] == 200
    assert "max-age=31536000" in probe["hsts"]
    assert "includeSubDomains" in probe["hsts"]


def test_hd2_forwarded_proto_from_the_proxy_counts_as_secure(probe):
    assert probe["forwarded_status"] == 200


def test_hd2_forwarded_proto_is_ignored_without_a_configured_proxy():
    """Anyone can send X-Forwarded-Proto; only a proxy we were told about is believed."""
    assert (
        production_setting("SECURE_PROXY_SSL_HEADER", TRUSTED_PROXY_COUNT="0") == "None"
    )
    assert production_setting("SECURE_PROXY_SSL_HEADER", TRUSTED_PROXY_COUNT="1") == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


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
