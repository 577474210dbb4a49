"""Private media paths under the real production settings (security checklist UP-3).

Documents may sit in private collections, so their files are reached only through Wagtail's
permission-checked serve view (/documents/<id>/<name>), never as /media/documents/…; original
images are never linked, only renditions under /media/images/ are. A web server in front of
the site must not serve those prefixes either (docs/security.md, UP-3).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.isolated


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("prod-media")
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "SECRET_KEY": "throwaway-" + "m" * 50,
            "ALLOWED_HOSTS": "voices.example.org",
            "CSRF_TRUSTED_ORIGINS": "https://voices.example.org",
            "DATABASE_URL": f"sqlite:///{workdir / 'prod.sqlite3'}",
            "MEDIA_ROOT": str(workdir / "media"),
            "STATIC_ROOT": str(workdir / "static"),
            "PYTHONPATH": str(ROOT),
        }
    )
    env.pop("MEDIA_STORAGE_URL", None)
    for command in (
        ["collectstatic", "--noinput", "-v0"],
        ["createcachetable"],
        ["migrate", "--noinput", "-v0"],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=300,
        )
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests/security/media_probe.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_up3_files_really_are_on_disk_under_media_root(probe):
    """Without this, the 404s below could mean only that nothing was written."""
    assert probe["document_on_disk"]
    assert probe["original_on_disk"]
    assert probe["rendition_direct"]["status"] == 200


def test_up3_document_files_are_not_served_from_media(probe):
    assert probe["document_direct"]["status"] == 404
    assert probe["pdf"] not in probe["document_direct"]["body"]


def test_up3_original_images_are_not_served_from_media(probe):
    assert probe["original_direct"]["status"] == 404


@pytest.mark.parametrize(
    "attempt",
    ["document_via_dot_dot", "document_via_encoded_dot_dot", "original_via_dot_dot"],
)
def test_up3_the_images_route_cannot_climb_to_other_media(probe, attempt):
    """Django's static serve view normalises "images/../documents/x" to "documents/x"; with
    MEDIA_ROOT as its root that served any private document whose file name was guessed."""
    assert probe[attempt]["status"] in (400, 404)
    assert probe["pdf"] not in probe[attempt]["body"]


def test_up3_documents_are_served_through_the_serve_view(probe):
    assert probe["document_url"].startswith("/documents/")
    assert probe["document_served"]["status"] == 200
    assert probe["document_served"]["body"] == probe["pdf"]
