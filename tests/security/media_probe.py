"""Run inside a subprocess with production settings; prints what a client sees as JSON.

Used by test_production_media.py (UP-3): real files on disk under MEDIA_ROOT, requested by
their direct media paths and through Wagtail's document serve view.
"""

import io
import json
import sys

import django

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.test import Client  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from wagtail.documents import get_document_model  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402
from wagtail.models import Collection  # noqa: E402

HOST = "voices.example.org"
PDF = b"%PDF-1.4\n% Minutes of the March meeting\n"

client = Client(HTTP_HOST=HOST)
root = Collection.get_first_root_node()

document = get_document_model()(title="Minutes", collection=root)
document.file.save("minutes.pdf", ContentFile(PDF), save=False)
document.save()

buffer = io.BytesIO()
PILImage.new("RGB", (40, 30), "#1d70b8").save(buffer, "PNG")
image = get_image_model()(title="Meeting", collection=root)
image.file.save("meeting.png", ContentFile(buffer.getvalue()), save=False)
image.width, image.height = 40, 30  # a ContentFile carries no dimensions
image.save()
rendition = image.get_rendition("width-20")


def fetch(path):
    response = client.get(path, secure=True)
    body = b"".join(response) if response.streaming else response.content
    return {"status": response.status_code, "body": body.decode("latin-1")}


document_name = document.file.name  # documents/minutes.pdf, as stored under MEDIA_ROOT
original_name = image.file.name  # original_images/meeting.png
results = {
    "document_on_disk": document.file.storage.exists(document_name),
    "original_on_disk": image.file.storage.exists(original_name),
    "document_direct": fetch(f"/media/{document_name}"),
    "original_direct": fetch(f"/media/{original_name}"),
    # The one media route production has is images/ (renditions); its path must not climb out.
    "document_via_dot_dot": fetch(f"/media/images/../{document_name}"),
    "document_via_encoded_dot_dot": fetch(f"/media/images/%2e%2e/{document_name}"),
    "original_via_dot_dot": fetch(f"/media/images/../{original_name}"),
    "rendition_direct": fetch(f"/media/{rendition.file.name}"),
    "document_served": fetch(document.url),
    "document_url": document.url,
    "pdf": PDF.decode("latin-1"),
}
json.dump(results, sys.stdout)
