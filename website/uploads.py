"""Upload forms that check a document's contents and turn a storage failure into a form error.

Wagtail writes an uploaded file when the view saves the model, after validation, so a full
disk or a broken storage raises OSError out of the view. These form bases write the file
while the form is being validated instead: if the storage refuses it, the editor sees a clear
message on the file field, no row is created, and the model save that follows has nothing
left to write (UP-5, RL-8). Set by WAGTAILDOCS_DOCUMENT_FORM_BASE and
WAGTAILIMAGES_IMAGE_FORM_BASE.

Wagtail checks only a document's extension, so the document form also looks at the first bytes
and, for the zip-based formats, the archive's table of contents (UP-1, ASVS 5.2.2). Only the
header and the zip directory are read: a large upload stays in its temporary file.

Wagtail's image pixel limit is measured only after Willow has decoded the whole image, and a
truncated image makes that decode raise OSError (a 500). The image form refuses an image by the
dimensions its header declares before anything decodes it, and turns an unreadable image into
a form error (UP-1).
"""

import logging
import os
import warnings
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

logger = logging.getLogger(__name__)

STORAGE_FAILED = (
    "The file could not be saved because the file storage for this site is full or unavailable. "
    "Nothing was uploaded. Try again later, or tell the site administrator."
)

ZIP_MAGIC = b"PK\x03\x04"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# Errors zipfile can raise on a damaged, truncated, encrypted or exotic archive.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    KeyError,
    NotImplementedError,
    OSError,
    RuntimeError,
    ValueError,
)


def _is_pdf(fileobj):
    return fileobj.read(5) == b"%PDF-"


def _zip_names(fileobj):
    """The archive's member names, or None if the file does not start as a zip archive."""
    if fileobj.read(4) != ZIP_MAGIC:
        return None
    fileobj.seek(0)
    with zipfile.ZipFile(fileobj) as archive:
        return archive.namelist()


def _is_ooxml(part_folder):
    def check(fileobj):
        names = _zip_names(fileobj)
        return bool(names) and (
            "[Content_Types].xml" in names
            and any(name.startswith(part_folder) for name in names)
        )

    return check


def _is_odt(fileobj):
    if _zip_names(fileobj) is None:
        return False
    fileobj.seek(0)
    with zipfile.ZipFile(fileobj) as archive, archive.open("mimetype") as entry:
        # Read one byte more than expected, so a longer or endless entry never matches.
        return entry.read(len(ODT_MIMETYPE) + 1) == ODT_MIMETYPE


# extension: (what an editor calls it, check of the contents)
DOCUMENT_CONTENT_CHECKS = {
    "pdf": ("a PDF", _is_pdf),
    "docx": ("a Word document", _is_ooxml("word/")),
    "xlsx": ("an Excel spreadsheet", _is_ooxml("xl/")),
    "odt": ("an OpenDocument text file", _is_odt),
}


def document_content_problem(name, fileobj):
    """Say why a file's contents do not match its extension, or return None if they do.

    Extensions without a check here return None; Wagtail's extension allow-list refuses them.
    The file's read position is restored afterwards.
    """
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension not in DOCUMENT_CONTENT_CHECKS:
        return None
    kind, check = DOCUMENT_CONTENT_CHECKS[extension]
    position = fileobj.tell()
    try:
        fileobj.seek(0)
        matches = check(fileobj)
    except ZIP_ERRORS:
        matches = False
    finally:
        fileobj.seek(position)
    if matches:
        return None
    return (
        f"This file says it is {kind} but its contents are not {kind}. It may have been "
        f"renamed or damaged. Open it in the program that made it, save it again as "
        f".{extension}, and upload that copy."
    )


def store_upload_now(form, field_name="file"):
    """Write a newly chosen file to storage during validation; add a form error on OSError."""
    if form.errors or field_name not in form.changed_data:
        return
    field_file = getattr(form.instance, field_name)
    if not field_file or field_file._committed:
        return
    try:
        field_file.save(field_file.name, field_file.file, save=False)
    except OSError as error:
        logger.error(
            "Upload could not be stored (%s): %s", type(error).__name__, error.strerror
        )
        form.add_error(field_name, STORAGE_FAILED)


class StorageSafeDocumentForm(BaseDocumentForm):
    """Wagtail's document form, with the contents checked against the extension and the file
    stored (or refused) during validation."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            problem = document_content_problem(upload.name, upload)
            if problem:
                raise ValidationError(problem, code="content_mismatch")
        return upload

    def _post_clean(self):
        super()._post_clean()
        store_upload_now(self)


def declared_pixels(fileobj):
    """Width × height from an image's header, without decoding it; None if Pillow cannot
    read the header. The file's read position is restored afterwards."""
    position = fileobj.tell()
    try:
        fileobj.seek(0)
        with warnings.catch_warnings():
            # Pillow warns above its own limit and raises at twice it; either way the
            # header has been read and the size is all that is wanted here.
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(fileobj) as image:
                width, height = image.size
    except (
        # Over twice Pillow's own limit: Pillow refuses it again, undecoded, when Wagtail
        # opens it, and Wagtail reports that as too many pixels.
        PILImage.DecompressionBombError,
        # Not an image Pillow reads; Wagtail's own checks decide.
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
    ):
        return None
    finally:
        fileobj.seek(position)
    return width * height


class HeaderCheckedImageField(WagtailImageField):
    """Wagtail's image field, with the pixel limit applied to the header's dimensions before
    the image is decoded, and an unreadable image reported as a form error."""

    def check_image_pixel_size(self, f):
        pixels = declared_pixels(f.image.f)
        if (
            pixels is not None
            and self.max_image_pixels is not None
            and pixels > self.max_image_pixels
        ):
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": pixels, "max_pixels_count": self.max_image_pixels},
                code="file_too_many_pixels",
            )
        try:
            super().check_image_pixel_size(f)
        except (OSError, SyntaxError, ValueError) as error:
            # Truncated or corrupt image data only shows when Willow decodes it.
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class StorageSafeImageForm(BaseImageForm):
    """Wagtail's image form, with the pixel limit checked before decoding and the file
    stored (or refused) during validation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if type(field) is WagtailImageField:
            # Wagtail builds this field through its own formfield callback, which a base
            # form cannot replace; switching the class keeps its label, widget and limits.
            field.__class__ = HeaderCheckedImageField

    def _post_clean(self):
        super()._post_clean()
        store_upload_now(self)
