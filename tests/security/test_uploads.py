"""Upload allow-lists, content checks and limits in the Wagtail admin (security checklist UP-1).

Every upload goes through the real admin add views, single and drag-and-drop, as an editor who
signed in with a password and an authenticator code, as production requires (AU-5).
"""

import io
import tempfile
import tracemalloc
import zipfile

import pytest
from django.conf import settings as django_settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.utils import get_allowed_image_extensions
from wagtail.models import Collection

from tests.factories.files import png_declaring, small_png
from tests.factories.mfa import sign_in_with_authenticator
from website.uploads import document_content_problem

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
HTML = (
    b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
)
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 120 + b"PE\x00\x00"


# Files -------------------------------------------------------------------------------------


def real_pdf():
    """A genuine one-page PDF, written by Pillow."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 40), "#ffffff").save(buffer, "PDF")
    return buffer.getvalue()


def zip_of(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            stored = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=stored)
    return buffer.getvalue()


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
WORD_BODY = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Minutes of the March meeting</w:t></w:r></w:p></w:body>"
    "</w:document>"
)


def real_docx():
    """The smallest Word document that Word and LibreOffice open: the three required parts."""
    return zip_of(
        [
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", PACKAGE_RELS),
            ("word/document.xml", WORD_BODY),
        ]
    )


def real_xlsx():
    return zip_of(
        [
            (
                "[Content_Types].xml",
                CONTENT_TYPES.replace("word/document", "xl/workbook"),
            ),
            ("_rels/.rels", PACKAGE_RELS.replace("word/document", "xl/workbook")),
            ("xl/workbook.xml", "<workbook/>"),
        ]
    )


def odf(mimetype):
    return zip_of(
        [
            ("mimetype", mimetype),
            ("META-INF/manifest.xml", "<manifest/>"),
            ("content.xml", "<office:document-content/>"),
        ]
    )


# Signing in and uploading ------------------------------------------------------------------


@pytest.fixture
def admin_editor(client, editor, password, settings):
    """An editor signed in through allauth with password and TOTP code, MFA gate on."""
    settings.REQUIRE_STAFF_MFA = True
    sign_in_with_authenticator(client, editor, password, next_url="/admin/")
    assert client.get(reverse("wagtaildocs:add")).status_code == 200
    return client


def root_collection():
    return Collection.get_first_root_node().pk


def add_one(client, kind, name, content):
    """Post one file to the single add view; return (accepted, page text)."""
    url = reverse("wagtaildocs:add" if kind == "document" else "wagtailimages:add")
    response = client.post(
        url,
        {
            "title": name,
            "collection": root_collection(),
            "file": SimpleUploadedFile(name, content),
        },
    )
    accepted = response.status_code == 302
    if not accepted:
        assert response.status_code == 200, "a refused file shows the form again"
    text = response.content.decode().replace("\xa0", " ")
    return accepted, text


def add_by_drag_and_drop(client, kind, name, content):
    """Post one file as the admin's multiple uploader does; return (accepted, message)."""
    url = reverse(
        "wagtaildocs:add_multiple"
        if kind == "document"
        else "wagtailimages:add_multiple"
    )
    response = client.post(
        url,
        {"files[]": SimpleUploadedFile(name, content), "collection": root_collection()},
    )
    assert response.status_code == 200, response.status_code
    body = response.json()
    return body["success"], body.get("error_message", "").replace("\xa0", " ")


UPLOADERS = [
    pytest.param(add_one, id="add-view"),
    pytest.param(add_by_drag_and_drop, id="multiple-add-view"),
]


def stored_files(folder):
    try:
        return set(default_storage.listdir(folder)[1])
    except FileNotFoundError:
        return set()


@pytest.fixture
def nothing_stored():
    """Fails the test if a document or image file is written to storage during it (the
    in-memory storage outlives each test, so compare with what was there before)."""
    before = {
        folder: stored_files(folder) for folder in ("documents", "original_images")
    }
    yield
    after = {folder: stored_files(folder) for folder in before}
    assert after == before


# Documents ---------------------------------------------------------------------------------

REFUSED_DOCUMENTS = [
    pytest.param("logo.svg", SVG, "is not allowed", id="svg"),
    pytest.param("page.html", HTML, "is not allowed", id="html"),
    pytest.param("setup.exe", EXE, "is not allowed", id="exe"),
    pytest.param(
        "report.pdf",
        HTML,
        "This file says it is a PDF but its contents are not a PDF.",
        id="html-renamed-pdf",
    ),
    pytest.param(
        "REPORT.PDF",
        HTML,
        "This file says it is a PDF but its contents are not a PDF.",
        id="html-renamed-PDF-upper-case",
    ),
    pytest.param(
        "minutes.docx",
        real_pdf(),
        "This file says it is a Word document but its contents are not a Word document.",
        id="pdf-renamed-docx",
    ),
]


@pytest.mark.parametrize("upload", UPLOADERS)
@pytest.mark.parametrize(("name", "content", "message"), REFUSED_DOCUMENTS)
def test_up1_editor_cannot_upload_unsafe_or_disguised_documents(
    admin_editor, nothing_stored, upload, name, content, message
):
    accepted, text = upload(admin_editor, "document", name, content)

    assert not accepted
    assert message in text
    assert get_document_model().objects.count() == 0


@pytest.mark.parametrize("upload", UPLOADERS)
@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("annual-report.pdf", real_pdf(), id="pdf"),
        pytest.param("minutes.docx", real_docx(), id="docx"),
    ],
)
def test_up1_editor_can_upload_real_pdf_and_docx(admin_editor, upload, name, content):
    accepted, text = upload(admin_editor, "document", name, content)

    assert accepted, text
    document = get_document_model().objects.get()
    assert document.file.storage.exists(document.file.name)
    assert document.file_size == len(content)


def test_up1_changing_a_documents_title_keeps_its_file(admin_editor):
    add_one(admin_editor, "document", "annual-report.pdf", real_pdf())
    document = get_document_model().objects.get()

    response = admin_editor.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Annual report 2026", "collection": root_collection()},
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "Annual report 2026"
    assert document.file.storage.exists(document.file.name)


@pytest.mark.parametrize("upload", UPLOADERS)
def test_up1_eleven_megabyte_document_is_refused_with_a_form_error(
    admin_editor, nothing_stored, upload
):
    content = b"%PDF-1.7\n" + b"0" * (11 * MB)

    accepted, text = upload(admin_editor, "document", "big.pdf", content)

    assert not accepted
    assert "This file is too big" in text
    assert "Maximum filesize 10.0 MB" in text
    assert get_document_model().objects.count() == 0


def test_up1_eleven_megabyte_upload_is_streamed_to_disk_not_held_in_memory(
    admin_editor,
):
    """Django spools uploads over FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file; nothing on
    the way to the size check reads the whole file (the CVE-2023-28837 class)."""
    boundary = "UploadLimitBoundary"
    head = (
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="title"\r\n\r\nBig\r\n'
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="collection"\r\n\r\n'
        f"{root_collection()}\r\n"
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="file"; filename="big.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    url = reverse("wagtaildocs:add")
    admin_editor.get(url)  # warm templates and imports before measuring

    with tempfile.TemporaryFile() as body:
        body.write(head)
        for _ in range(11):
            body.write(b"0" * MB)
        body.write(tail)
        length = body.tell()
        body.seek(0)
        tracemalloc.start()
        try:
            response = admin_editor.generic(
                "POST",
                url,
                # Headers of a body the test client does not build itself.
                CONTENT_TYPE=f"multipart/form-data; boundary={boundary}",
                CONTENT_LENGTH=str(length),
                **{"wsgi.input": body},
            )
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()

    assert response.status_code == 200
    assert "This file is too big" in response.content.decode().replace("\xa0", " ")
    assert get_document_model().objects.count() == 0
    assert peak < 4 * MB, (
        f"peak Python allocation {peak / MB:.1f} MB for an 11 MB upload"
    )


# Pure content check ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("a.pdf", real_pdf(), id="pdf"),
        pytest.param("a.docx", real_docx(), id="docx"),
        pytest.param("a.xlsx", real_xlsx(), id="xlsx"),
        pytest.param("a.odt", odf("application/vnd.oasis.opendocument.text"), id="odt"),
        pytest.param("a.Docx", real_docx(), id="mixed-case-extension"),
    ],
)
def test_up1_content_check_accepts_files_that_are_what_they_say(name, content):
    assert document_content_problem(name, io.BytesIO(content)) is None


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        pytest.param("a.pdf", HTML, "a PDF", id="html-as-pdf"),
        pytest.param("a.pdf", b" %PDF-1.7", "a PDF", id="pdf-after-junk"),
        pytest.param("a.pdf", b"", "a PDF", id="empty-pdf"),
        pytest.param("a.docx", real_xlsx(), "a Word document", id="xlsx-as-docx"),
        pytest.param("a.xlsx", real_docx(), "an Excel spreadsheet", id="docx-as-xlsx"),
        pytest.param(
            "a.docx",
            zip_of([("word/document.xml", WORD_BODY)]),
            "a Word document",
            id="zip-without-content-types",
        ),
        pytest.param(
            "a.docx", HTML + real_docx(), "a Word document", id="html-with-zip-appended"
        ),
        pytest.param(
            "a.docx", real_docx()[:200], "a Word document", id="truncated-zip"
        ),
        pytest.param(
            "a.odt",
            odf("application/vnd.oasis.opendocument.spreadsheet"),
            "an OpenDocument text file",
            id="ods-as-odt",
        ),
        pytest.param(
            "a.odt",
            odf("application/vnd.oasis.opendocument.text-and-more"),
            "an OpenDocument text file",
            id="odt-mimetype-with-suffix",
        ),
        pytest.param(
            "a.odt", real_docx(), "an OpenDocument text file", id="zip-without-mimetype"
        ),
    ],
)
def test_up1_content_check_names_what_the_file_claims_to_be(name, content, kind):
    problem = document_content_problem(name, io.BytesIO(content))

    assert problem.startswith(
        f"This file says it is {kind} but its contents are not {kind}."
    )


def test_up1_content_check_leaves_the_read_position_where_it_was():
    upload = io.BytesIO(real_docx())
    upload.seek(7)

    document_content_problem("a.docx", upload)

    assert upload.tell() == 7


def test_up1_content_check_leaves_other_extensions_to_the_allow_list():
    assert document_content_problem("a.exe", io.BytesIO(EXE)) is None
    assert django_settings.WAGTAILDOCS_EXTENSIONS == ["pdf", "docx", "odt", "xlsx"]


# Images ------------------------------------------------------------------------------------


def test_up1_image_limits_are_explicit_and_svg_is_not_allowed():
    assert "svg" not in get_allowed_image_extensions()
    assert django_settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * MB
    assert django_settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000


@pytest.mark.parametrize("upload", UPLOADERS)
def test_up1_editor_cannot_upload_svg_images(admin_editor, nothing_stored, upload):
    accepted, text = upload(admin_editor, "image", "logo.svg", SVG)

    assert not accepted
    assert "Not a supported image format" in text
    assert get_image_model().objects.count() == 0


@pytest.mark.parametrize("upload", UPLOADERS)
@pytest.mark.parametrize(
    ("width", "height"),
    [
        # Over WAGTAILIMAGES_MAX_IMAGE_PIXELS, under Pillow's own warning limit.
        pytest.param(8000, 6000, id="48-megapixels"),
        # Pillow warns (DecompressionBombWarning) between 89 and 179 million pixels...
        pytest.param(10000, 10000, id="100-megapixels"),
        # ...and raises DecompressionBombError above that.
        pytest.param(20000, 20000, id="400-megapixels"),
    ],
)
def test_up1_decompression_bomb_png_is_refused_with_a_form_error(
    admin_editor, nothing_stored, upload, width, height
):
    bomb = png_declaring(width, height)
    assert len(bomb) < 1024

    accepted, text = upload(admin_editor, "image", "bomb.png", bomb)

    assert not accepted
    assert "This file has too many pixels" in text
    assert get_image_model().objects.count() == 0


@pytest.mark.parametrize("upload", UPLOADERS)
def test_up1_editor_can_upload_an_ordinary_png(admin_editor, upload):
    accepted, text = upload(admin_editor, "image", "meeting.png", small_png())

    assert accepted, text
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (40, 30)


@pytest.mark.parametrize("upload", UPLOADERS)
def test_up1_truncated_png_is_a_form_error_not_a_server_error(
    admin_editor, nothing_stored, upload
):
    """Willow decodes the whole image to measure it; cut-off image data used to escape as
    OSError and a 500."""
    accepted, text = upload(
        admin_editor, "image", "cut-off.png", png_declaring(400, 300)
    )

    assert not accepted
    assert "Upload a valid image" in text
    assert get_image_model().objects.count() == 0
