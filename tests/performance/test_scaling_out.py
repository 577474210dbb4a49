"""Beyond one machine, by configuration: each piece tested against a real server on
127.0.0.1 that the test starts (Redis for cache and sessions, an HTTP purge receiver
standing in for a CDN)."""

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core.cache import caches
from wagtail.models import Page, Site

from home.models import NavigationSettings, OrganisationSettings
from tests.factories.home import ensure_news_index, make_news


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def settings_with(env):
    """The settings a process gets with these environment variables (base.py's logic)."""
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'CACHES': s.CACHES, 'SESSION_ENGINE': s.SESSION_ENGINE, "
        "'FRONTEND': getattr(s, 'WAGTAILFRONTENDCACHE', None), "
        "'APPS': s.INSTALLED_APPS, 'STORAGES': s.STORAGES}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "website.settings.base",
            "SECRET_KEY": "x" * 50,
            **env,
        },
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def redis_url():
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (Debian package redis-server)")
    port = free_port()
    server = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(timeout=10)


def test_redis_url_moves_cache_and_sessions_to_redis(redis_url):
    configured = settings_with({"REDIS_URL": redis_url})
    assert configured["CACHES"]["default"]["BACKEND"].endswith("RedisCache")
    assert configured["CACHES"]["default"]["LOCATION"] == redis_url
    assert configured["SESSION_ENGINE"] == "django.contrib.sessions.backends.cache"


@pytest.fixture
def redis_settings(settings, redis_url):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "voices-test",
        }
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 300
    caches["default"].clear()
    yield
    caches["default"].clear()


def test_sessions_and_cached_pages_live_in_redis(
    client, member, home_page, redis_settings, redis_url
):
    import redis

    article = make_news(ensure_news_index(home_page), title="Shared between servers")
    site = Site.objects.get(is_default_site=True)
    NavigationSettings.for_site(site)
    OrganisationSettings.for_site(site)
    client.get(article.url)
    assert client.get(article.url)["X-Cache"] == "HIT"
    store = redis.Redis.from_url(redis_url)
    keys = [key.decode() for key in store.keys("voices-test:*")]
    assert any("anonymous-page-cache" in key for key in keys), keys

    client.force_login(member)
    session_key = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    assert any(session_key in key.decode() for key in store.keys("voices-test:*")), (
        "the session is stored in Redis"
    )
    assert client.get("/portal/").status_code == 200
    # A second web process would read the same session: a fresh client with the cookie.
    other = type(client)()
    other.cookies[django_settings.SESSION_COOKIE_NAME] = session_key
    assert other.get("/portal/").status_code == 200


class PurgeReceiver(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.received.append((self.path, self.headers.get("Host")))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_on_publish():
    """What installing wagtail.contrib.frontend_cache (CDN_PURGE_URL set) connects."""
    from wagtail.contrib.frontend_cache import signal_handlers
    from wagtail.signals import page_published, page_unpublished

    signal_handlers.register_signal_handlers()
    yield
    for signal, handler in (
        (page_published, signal_handlers.page_published_signal_handler),
        (page_unpublished, signal_handlers.page_unpublished_signal_handler),
    ):
        for model in apps.get_models():
            if issubclass(model, Page):
                signal.disconnect(handler, sender=model)


@pytest.fixture
def purge_receiver():
    PurgeReceiver.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeReceiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", PurgeReceiver.received
    server.shutdown()
    server.server_close()


def test_cdn_purge_url_configures_wagtails_http_purge_backend():
    configured = settings_with({"CDN_PURGE_URL": "http://127.0.0.1:6081"})
    assert configured["FRONTEND"]["cdn"]["LOCATION"] == "http://127.0.0.1:6081"
    assert "wagtail.contrib.frontend_cache" in configured["APPS"]
    # Without a CDN, publishing does no purge work at all.
    plain = settings_with({})
    assert plain["FRONTEND"] is None
    assert "wagtail.contrib.frontend_cache" not in plain["APPS"]


def test_publishing_sends_a_purge_to_the_cdn(
    settings,
    home_page,
    purge_on_publish,
    purge_receiver,
    django_capture_on_commit_callbacks,
):
    location, received = purge_receiver
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }
    article = make_news(ensure_news_index(home_page), title="Purge me")
    received.clear()
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Purge me again"
        article.save_revision().publish()
    deadline = time.monotonic() + 10
    while not received and time.monotonic() < deadline:
        time.sleep(0.05)
    paths = [path for path, host in received]
    assert article.url in paths, received
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    time.sleep(0.2)
    assert [path for path, host in received].count(article.url) >= 2


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3 emulator in server mode on a free 127.0.0.1 port."""
    binary = shutil.which("moto_server") or str(
        django_settings.BASE_DIR / ".venv" / "bin" / "moto_server"
    )
    if not os.path.exists(binary):
        pytest.skip("moto[server] is not installed (requirements-dev.txt)")
    port = free_port()
    server = subprocess.Popen(
        [binary, "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)


def test_media_storage_url_configures_s3_storage():
    configured = settings_with(
        {
            "MEDIA_STORAGE_URL": "s3://voices-media/site?endpoint_url=http://127.0.0.1:9&region=eu-west-2"
        }
    )
    storage = configured["STORAGES"]["default"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "voices-media"
    assert storage["OPTIONS"]["location"] == "site"
    assert storage["OPTIONS"]["endpoint_url"] == "http://127.0.0.1:9"


def test_uploaded_images_and_renditions_land_in_the_object_store(
    settings, monkeypatch, s3_endpoint, home_page
):
    import boto3

    from tests.factories.home import make_image

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="eu-west-2")
    client.create_bucket(
        Bucket="voices-media",
        CreateBucketConfiguration={"LocationConstraint": "eu-west-2"},
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "voices-media",
                "location": "site",
                "endpoint_url": s3_endpoint,
                "region_name": "eu-west-2",
                "default_acl": None,
                "file_overwrite": False,
            },
        },
    }
    image = make_image(title="Stored far away")
    rendition = image.get_rendition("fill-300x200")
    keys = [
        item["Key"]
        for item in client.list_objects_v2(Bucket="voices-media")["Contents"]
    ]
    assert f"site/{image.file.name}" in keys
    assert f"site/{rendition.file.name}" in keys
    assert rendition.url.startswith(s3_endpoint + "/voices-media/site/")
    body = client.get_object(Bucket="voices-media", Key=f"site/{image.file.name}")
    assert body["Body"].read()[:8] == b"\x89PNG\r\n\x1a\n"
