"""Co-chair updates: writing, withdrawing, moderation and the emails to members who
asked for each update as it is published."""

import os
import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from networks import emails, permissions
from networks.models.membership import NetworkMembership, UpdateEmails
from networks.models.updates import CoChairUpdate, CoChairUpdateRevision, UpdateStatus
from networks.sanitise import clean_update_body
from networks.services.errors import NetworkActionError


def _record_revision(update, user):
    CoChairUpdateRevision.objects.create(
        update=update,
        title=update.title,
        body=update.body,
        visibility=update.visibility,
        status=update.status,
        edited_by=user,
    )


def staff_emails():
    User = get_user_model()
    return list(
        User.objects.filter(is_active=True, groups__name=permissions.STAFF_GROUP)
        .values_list("email", flat=True)
        .distinct()
    )


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
    """Create or edit an update. Publishing goes to moderation when the network asks for it."""
    if update is None:
        update = CoChairUpdate(network=network, author=author)
    update.title = title
    update.body = clean_update_body(body)
    update.visibility = visibility
    update.image = image
    update.image_alt = image_alt if image else ""
    if publish:
        if network.moderate_updates:
            # Edits to a published update are checked again before they show.
            update.status = UpdateStatus.AWAITING_MODERATION
        else:
            update.status = UpdateStatus.PUBLISHED
    else:
        # Saving as a draft takes the update off the page until it is published again,
        # so an edit can never slip past moderation.
        update.status = UpdateStatus.DRAFT
    if update.status == UpdateStatus.PUBLISHED and update.published_at is None:
        update.published_at = timezone.now()
    update.save()
    _record_revision(update, author)
    if update.status == UpdateStatus.AWAITING_MODERATION:
        emails.update_awaiting_moderation(update, staff_emails())
    if update.status == UpdateStatus.PUBLISHED:
        send_immediate_update_emails(update)
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
    update.status = UpdateStatus.WITHDRAWN
    update.save(update_fields=["status", "updated_at"])
    _record_revision(update, user)
    return update


@transaction.atomic
def approve_update(moderator, update):
    """Staff approve an update awaiting moderation; it appears at once."""
    update = CoChairUpdate.objects.select_for_update().get(pk=update.pk)
    if update.status != UpdateStatus.AWAITING_MODERATION:
        raise NetworkActionError("This update is not waiting for moderation.")
    update.status = UpdateStatus.PUBLISHED
    update.moderation_note = ""
    update.published_at = update.published_at or timezone.now()
    update.save()
    _record_revision(update, moderator)
    send_immediate_update_emails(update)
    return update


@transaction.atomic
def return_update(moderator, update, note):
    """Staff send an update back to the co-chairs with a note saying what to change."""
    update = CoChairUpdate.objects.select_for_update().get(pk=update.pk)
    if update.status != UpdateStatus.AWAITING_MODERATION:
        raise NetworkActionError("This update is not waiting for moderation.")
    update.status = UpdateStatus.RETURNED
    update.moderation_note = note
    update.save()
    _record_revision(update, moderator)
    emails.update_returned(update)
    return update


def send_immediate_update_emails(update):
    """Queue one email per member who asked for each update; once per update."""
    if update.emailed_at is not None:
        return 0
    recipients = (
        NetworkMembership.objects.filter(
            network_id=update.network_id,
            update_emails=UpdateEmails.IMMEDIATE,
            user__is_active=True,
        )
        .exclude(user_id=update.author_id)
        .values_list("user__email", flat=True)
    )
    count = emails.update_published(update, list(recipients))
    CoChairUpdate.objects.filter(pk=update.pk).update(emailed_at=timezone.now())
    update.emailed_at = timezone.now()
    return count
