"""Private media paths under the real production settings (security checklist UP-3).

Documents may sit in private collections, so their files are reached only through Wagtail's
permission-checked serve view (/documents/<id>/<name>), never as /media/documents/…; original
images are never linked, only renditions under /media/images/ are. A web server in front of
the site must not serve those prefixes either (docs/security.md, UP-3).
"""

import pytest

from tests.migrated import shared_folder
from tests.security.production_site import run_probe

pytestmark = pytest.mark.isolated


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("prod-media")
    return run_probe(
        "media_probe.py",
        workdir,
        shared_folder(tmp_path_factory),
        SECRET_KEY="throwaway-" + "m" * 50,
        MEDIA_ROOT=str(workdir / "media"),
    )


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
