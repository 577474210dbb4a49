"""The funders' quarter as a PDF: a real file staff download, read back with pypdf for
what a funder would see, tagged for screen readers, refused to people without the
impact permission, rate limited, and never fetching anything from outside itself."""

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pypdf
import pytest
from django.core.cache import cache
from django.urls import reverse
from PIL import ImageFile

from website import pdf

pytestmark = pytest.mark.django_db
PDF = reverse("impact_admin:funders_pdf", args=[2026, 2])


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


def read(content):
    reader = pypdf.PdfReader(io.BytesIO(content))
    text = " ".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def test_staff_download_the_quarter_as_a_tagged_one_page_pdf(client, staff, programme):
    client.force_login(staff)
    response = client.get(PDF)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="voices-impact-2026-q2.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    reader, text = read(response.content)
    assert len(reader.pages) == 1
    assert "our impact from 1 April to 30 June 2026" in text
    assert "I now plan with carers from the start." in text
    assert "A private thought" not in text  # no consent, never quoted
    assert "fewer than 5" in text
    assert "Enquiries from leaders" in text
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB" and "/StructTreeRoot" in root
    assert reader.metadata.title == "Voices impact, April to June 2026"


def test_the_page_offers_the_pdf_and_says_the_same(client, staff, programme):
    client.force_login(staff)
    page = client.get(reverse("impact_admin:funders", args=[2026, 2])).content.decode()
    assert f'href="{PDF}"' in page and "Download this page as a PDF" in page
    _, text = read(client.get(PDF).content)
    for words in ("Reach", "Power shared", "You said, we did", "In their words"):
        assert words in page and words in text


@pytest.mark.parametrize("who", ["editor", "member"])
def test_people_without_the_permission_get_no_pdf(client, who, request, programme):
    client.force_login(request.getfixturevalue(who))
    response = client.get(PDF)
    assert response.status_code in (302, 403)
    assert not response.content.startswith(b"%PDF")
    client.logout()
    assert client.get(PDF).status_code == 302


def test_a_quarter_that_does_not_exist_is_not_found(client, staff):
    client.force_login(staff)
    for bad in ((2026, 5), (2026, 0), (1999, 1), (2101, 1)):
        url = reverse("impact_admin:funders_pdf", args=bad)
        assert client.get(url).status_code == 404


def test_asking_for_too_many_pdfs_says_when_to_try_again(
    client, staff, programme, settings
):
    settings.IMPACT_PDF_PER_HOUR = 2
    client.force_login(staff)
    assert client.get(PDF).status_code == 200
    assert client.get(PDF).status_code == 200
    response = client.get(PDF)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert b"%PDF" not in response.content


def test_without_the_pdf_library_staff_are_told_to_print_instead(
    client, staff, programme, monkeypatch
):
    monkeypatch.setattr(pdf, "weasyprint", None)
    client.force_login(staff)
    page = client.get(reverse("impact_admin:funders", args=[2026, 2])).content.decode()
    assert "Save as PDF" in page and "Download this page as a PDF" not in page
    response = client.get(PDF)
    assert response.status_code == 503
    assert "Save as PDF" in response.content.decode()


def test_the_pdf_maker_fetches_nothing_from_outside_the_document(tmp_path):
    asked = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    secret = tmp_path / "secret.txt"
    secret.write_text("a secret the PDF must not hold")
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        content = pdf.render_pdf(
            f'<html lang="en-GB"><head><link rel="stylesheet" href="{base}/a.css">'
            f'<style>@import url("{base}/b.css");</style></head><body>'
            f'<p>Visible words</p><img src="{base}/c.png" alt="c">'
            f'<object data="file://{secret}"></object>'
            f'<iframe src="file://{secret}"></iframe></body></html>',
            title="Check",
        )
    finally:
        server.shutdown()
    _, text = read(content)
    assert asked == []
    assert "Visible words" in text and "a secret" not in text


def test_loading_the_pdf_maker_leaves_cut_off_images_refused():
    """WeasyPrint switches Pillow to accept truncated images for the whole process; the
    site's image uploads rely on Pillow refusing them."""
    assert pdf.available()
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
