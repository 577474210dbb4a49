"""Health, robots, sitemap, security.txt and error pages."""

import pytest
from django.db import OperationalError, connection
from django.template.loader import render_to_string


def test_healthz_says_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert (
        "no-cache" in response["Cache-Control"]
        or "max-age=0" in response["Cache-Control"]
    )


def test_healthz_answers_head_for_load_balancers(client, db):
    response = client.head("/healthz")
    assert response.status_code == 200
    assert response.content == b""


def test_healthz_refuses_writes(client, db):
    assert client.post("/healthz").status_code == 405


def test_healthz_says_503_when_the_database_is_down(client, db, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    monkeypatch.undo()
    assert response.status_code == 503
    assert response.content == b"database unavailable"


def test_robots_txt_keeps_crawlers_out_of_private_areas(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Disallow: /portal/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_the_home_page(client, home_page):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert b"<urlset" in response.content
    assert b"<loc>http://testserver/</loc>" in response.content


def test_security_txt_names_a_contact(client, db):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert "Contact: mailto:" in response.content.decode()


def test_unknown_page_gets_a_friendly_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"Skip to main content" in response.content


def test_500_page_renders_without_the_database(django_assert_num_queries, db):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert "Sorry, something went wrong" in html
    assert 'lang="en-GB"' in html


def test_server_error_handler_shows_the_friendly_page(client, db, monkeypatch):
    from home.models import HomePage

    def explode(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    from home import demo

    demo.ensure_site(demo.ensure_home_page())
    monkeypatch.setattr(HomePage, "serve", explode)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    assert b"Sorry, something went wrong" in response.content
    assert b"boom" not in response.content


@pytest.mark.parametrize("path", ["/", "/healthz", "/no-such-page/"])
def test_baseline_security_headers(client, home_page, path):
    response = client.get(path)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_public_pages_send_a_strict_content_security_policy(client, home_page):
    csp = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'self'" in script_src
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
