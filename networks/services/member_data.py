"""A member's network records for data export and erasure (hooks members defines)."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from networks.models.enquiries import NetworkEnquiryNote
from networks.models.membership import JoinRequest, NetworkCoChair, NetworkMembership
from networks.models.updates import CoChairUpdate, CoChairUpdateRevision, UpdateStatus
from networks.models.you_said import YouSaidWeDid
from website import activity
from website.audit import scrub_labels
from website.models import Activity


def export_member_data(user):
    """Every network record about the member, in a fixed number of queries."""
    records = []
    for m in NetworkMembership.objects.filter(user=user).select_related("network"):
        records.append(
            {
                "record": "membership",
                "network": m.network.title,
                "joined_at": m.joined_at,
                "what_others_see": m.get_visibility_display(),
                "short_bio": m.short_bio,
                "update_emails": m.get_update_emails_display(),
            }
        )
    for term in NetworkCoChair.objects.filter(user=user).select_related("network"):
        records.append(
            {
                "record": "co-chair term",
                "network": term.network.title,
                "role": term.role_title,
                "organisation": term.organisation,
                "term_start": term.term_start,
                "term_end": term.term_end,
            }
        )
    for jr in JoinRequest.objects.filter(user=user).select_related("network"):
        records.append(
            {
                "record": "join request",
                "network": jr.network.title,
                "message": jr.message,
                "status": jr.get_status_display(),
                "created_at": jr.created_at,
                "decided_at": jr.decided_at,
            }
        )
    for update in CoChairUpdate.objects.filter(author=user).select_related("network"):
        records.append(
            {
                "record": "update you wrote",
                "network": update.network.title,
                "title": update.title,
                "body": update.body,
                "status": update.get_status_display(),
                "visibility": update.get_visibility_display(),
                "published_at": update.published_at,
            }
        )
    for item in YouSaidWeDid.objects.filter(raised_by=user).select_related("network"):
        records.append(
            {
                "record": "you said, we did: something you raised",
                "network": item.network.title,
                "you_said": item.you_said,
                "raised_on": item.raised_on,
                "your_name_shown": "yes" if item.named_with_consent else "no",
                "decided": item.decided,
                "we_did": item.we_did,
            }
        )
    return records


@transaction.atomic
def erase_member_data(user):
    """Delete memberships and requests (meeting bookings are the events feature's); keep published updates, which the
    network relies on, attributed to "Former member" (author cleared). Audit entries about
    the deleted rows stay, but the admin's own ones lose the label that names the person."""
    for model in (NetworkMembership, JoinRequest, NetworkCoChair):
        ids = model.objects.filter(user=user).values_list("pk", flat=True)
        scrub_labels(model, ids, "Former member")
    NetworkMembership.objects.filter(user=user).delete()
    JoinRequest.objects.filter(user=user).delete()
    NetworkCoChair.objects.filter(user=user).delete()
    drafts = CoChairUpdate.objects.filter(author=user).exclude(
        status=UpdateStatus.PUBLISHED
    )
    activity.for_records(CoChairUpdate, drafts.values_list("pk", flat=True)).delete()
    drafts.delete()
    # Saved one by one (few rows) so the anonymous page cache hears about the new byline.
    for update in CoChairUpdate.objects.filter(author=user):
        update.author = None
        update.save(update_fields=["author", "updated_at"])
    CoChairUpdateRevision.objects.filter(edited_by=user).update(edited_by=None)
    # The history of the updates kept still says what happened, no longer who did it.
    Activity.objects.filter(
        content_type=ContentType.objects.get_for_model(CoChairUpdate), actor=user
    ).update(actor=None, actor_name="")
    JoinRequest.objects.filter(decided_by=user).update(decided_by=None)
    NetworkEnquiryNote.objects.filter(author=user).update(author=None)
