"""UP-5 / RL-8: a storage that is full gives editors a form error, never a 500 or an orphan row."""

import errno
import io

import pytest
from django.core.files.storage import InMemoryStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from website.uploads import STORAGE_FAILED

pytestmark = pytest.mark.django_db


@pytest.fixture
def disk_full(monkeypatch):
    def refuse(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(InMemoryStorage, "_save", refuse)


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#1d70b8").save(buffer, "PNG")
    return buffer.getvalue()


def document_data(title="Annual report"):
    return {
        "title": title,
        "collection": Collection.get_first_root_node().pk,
        "file": SimpleUploadedFile("report.pdf", b"%PDF-1.4 test", "application/pdf"),
    }


def image_data(title="Network meeting"):
    return {
        "title": title,
        "collection": Collection.get_first_root_node().pk,
        "file": SimpleUploadedFile("meeting.png", png_bytes(), "image/png"),
    }


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_up5_document_upload_on_full_storage_is_a_form_error(editor_client, disk_full):
    response = editor_client.post(reverse("wagtaildocs:add"), document_data())

    assert response.status_code == 200
    assert STORAGE_FAILED in response.content.decode()
    assert get_document_model().objects.count() == 0


def test_up5_image_upload_on_full_storage_is_a_form_error(editor_client, disk_full):
    response = editor_client.post(reverse("wagtailimages:add"), image_data())

    assert response.status_code == 200
    assert STORAGE_FAILED in response.content.decode()
    assert get_image_model().objects.count() == 0


def test_up5_site_still_serves_pages_while_storage_is_full(
    client, home_page, disk_full
):
    assert client.get("/").status_code == 200


def test_up5_uploads_work_again_once_storage_has_room(editor_client):
    documents = editor_client.post(reverse("wagtaildocs:add"), document_data())
    images = editor_client.post(reverse("wagtailimages:add"), image_data())

    assert documents.status_code == 302
    assert images.status_code == 302
    document = get_document_model().objects.get()
    image = get_image_model().objects.get()
    assert document.file.storage.exists(document.file.name)
    assert document.file_size == len(b"%PDF-1.4 test")
    assert image.file.storage.exists(image.file.name)
    assert (image.width, image.height) == (40, 30)
    assert image.file_hash


def test_up5_a_failed_upload_does_not_replace_an_existing_document_file(
    editor_client, monkeypatch
):
    editor_client.post(reverse("wagtaildocs:add"), document_data())
    document = get_document_model().objects.get()
    original_name = document.file.name

    def refuse(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(InMemoryStorage, "_save", refuse)
    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]), document_data("Renamed")
    )

    assert response.status_code == 200
    assert STORAGE_FAILED in response.content.decode()
    document.refresh_from_db()
    assert (document.title, document.file.name) == ("Annual report", original_name)
    assert document.file.storage.exists(original_name)


def test_up5_multiple_upload_on_full_storage_reports_the_error(
    editor_client, disk_full
):
    """The admin's drag-and-drop uploader uses the same forms and shows the message."""
    root = Collection.get_first_root_node().pk
    images = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "files[]": SimpleUploadedFile("photo.png", png_bytes(), "image/png"),
            "collection": root,
        },
    )
    documents = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile(
                "notes.pdf", b"%PDF-1.4 x", "application/pdf"
            ),
            "collection": root,
        },
    )

    for response in (images, documents):
        assert response.status_code == 200
        assert response.json() == {"success": False, "error_message": STORAGE_FAILED}
    assert get_image_model().objects.count() == 0
    assert get_document_model().objects.count() == 0
