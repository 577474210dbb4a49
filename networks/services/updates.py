"""Co-chair updates: writing, withdrawing, moderation and the emails to members who
asked for each update as it is published.

Every change of an update's status goes through `UPDATE_FLOW` (networks/workflow.py), which
checks who may make it, refuses a move the update is no longer in a state for (a double
click, two moderators at once), writes the history line and queues the emails. `CoChairUpdateRevision` keeps a snapshot of the content on every
save, so staff can see how the wording changed.
"""

import os
import uuid

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from networks import permissions
from networks.models.updates import CoChairUpdate, CoChairUpdateRevision
from networks.sanitise import clean_update_body
from networks.services.errors import NetworkActionError
from networks.workflow import (
    AWAITING,
    DRAFT,
    PUBLISHED,
    RETURNED,
    UPDATE_FLOW,
    WITHDRAWN,
    tell,
)
from website import activity


def _move(update, target, by, **changes):
    """A move refused for the person is told to them like any other refusal."""
    try:
        return UPDATE_FLOW.move(update, target, by=by, **changes)
    except PermissionDenied as refused:
        raise NetworkActionError("You cannot make this change.") from refused


def _record_revision(update, user):
    CoChairUpdateRevision.objects.create(
        update=update,
        title=update.title,
        body=update.body,
        visibility=update.visibility,
        status=update.status,
        edited_by=user,
    )


def history(update):
    """The update's status changes for the staff screens, oldest first."""
    return activity.history(update)


CONTENT_FIELDS = ["title", "body", "visibility", "image", "image_alt", "updated_at"]


@transaction.atomic
def save_update(
    author,
    network,
    *,
    title,
    body,
    visibility,
    publish,
    update=None,
    image=None,
    image_alt="",
):
    """Create or edit an update. Publishing goes to moderation when the network asks for it;
    saving as a draft takes the update off the page until it is published again, so an edit
    can never slip past moderation. Edits to a published update are checked again."""
    if not permissions.can_post_update(author, network):
        raise NetworkActionError("Only the network's co-chairs can write its updates.")
    if publish:
        target = AWAITING if network.moderate_updates else PUBLISHED
    else:
        target = DRAFT
    creating = update is None
    if creating:
        update = CoChairUpdate(network=network, author=author, status=target)
    update.title = title
    update.body = clean_update_body(body)
    update.visibility = visibility
    update.image = image
    update.image_alt = image_alt if image else ""
    if creating:
        if target == PUBLISHED:
            update.published_at = timezone.now()
        update.save()
        activity.record(update, by=author, verb="status", to_state=target)
        tell(update)
    else:
        update.save(update_fields=CONTENT_FIELDS)
        if update.status == target:
            tell(update)  # an edit sent again still reaches the moderators
        else:
            changes = {}
            if target == PUBLISHED and update.published_at is None:
                changes["published_at"] = timezone.now()
            _move(update, target, author, **changes)
    _record_revision(update, author)
    return update


def store_update_image(user, network, upload):
    """Put a co-chair's photo, checked by UpdateForm, in the image library's "Network
    updates" collection.

    Only for public updates: Wagtail images have no privacy (checklist §0.7, UP-4). The file
    is stored under a random name, so nothing of the co-chair's own file name is published.
    """
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name="Network updates").first()
    if collection is None:
        collection = root.add_child(name="Network updates")
    extension = os.path.splitext(upload.name)[1].lower()
    upload.name = f"{uuid.uuid4().hex}{extension}"
    image = get_image_model()(
        title=f"Network update photo: {network.title}"[:255],
        file=upload,
        collection=collection,
        uploaded_by_user=user,
    )
    image.save()
    return image


@transaction.atomic
def withdraw_update(user, update):
    update = _move(update, WITHDRAWN, user)
    _record_revision(update, user)
    return update


@transaction.atomic
def approve_update(moderator, update):
    """Staff approve an update awaiting moderation; it appears at once."""
    changes = {"moderation_note": ""}
    if update.published_at is None:
        changes["published_at"] = timezone.now()
    update = _move(update, PUBLISHED, moderator, **changes)
    _record_revision(update, moderator)
    return update


@transaction.atomic
def return_update(moderator, update, note):
    """Staff send an update back to the co-chairs with a note saying what to change."""
    update = _move(update, RETURNED, moderator, note=note, moderation_note=note)
    _record_revision(update, moderator)
    return update
