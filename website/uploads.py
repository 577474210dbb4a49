"""Upload forms that turn a storage failure into a form error, not a 500 (UP-5, RL-8).

Wagtail writes an uploaded file when the view saves the model, after validation, so a full
disk or a broken storage raises OSError out of the view. These form bases write the file
while the form is being validated instead: if the storage refuses it, the editor sees a clear
message on the file field, no row is created, and the model save that follows has nothing
left to write. Set by WAGTAILDOCS_DOCUMENT_FORM_BASE and WAGTAILIMAGES_IMAGE_FORM_BASE.
"""

import logging

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

logger = logging.getLogger(__name__)

STORAGE_FAILED = (
    "The file could not be saved because the file storage for this site is full or unavailable. "
    "Nothing was uploaded. Try again later, or tell the site administrator."
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
    """Wagtail's document form, with the file stored (or refused) during validation."""

    def _post_clean(self):
        super()._post_clean()
        store_upload_now(self)


class StorageSafeImageForm(BaseImageForm):
    """Wagtail's image form, with the file stored (or refused) during validation."""

    def _post_clean(self):
        super()._post_clean()
        store_upload_now(self)
