"""Network business logic: joining, co-chair updates, moderation, meetings and digests.

Views stay thin and call these. Each function validates, saves, then queues any email in
the same transaction, so a saved record always has its notification and vice versa.
"""

import os
import uuid

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from home.routing import public_pages
from members.enquiries import services as enquiry_services
from members.enquiries.models import Enquiry
from networks import emails, permissions
from networks.models import (
    CoChairUpdate,
    CoChairUpdateRevision,
    JoinRequest,
    Meeting,
    MeetingRegistration,
    NetworkCoChair,
    NetworkMembership,
    NetworkPage,
)
from networks.models.enquiries import NetworkEnquiryNote
from networks.models.meetings import RegistrationStatus
from networks.models.membership import JoinRequestStatus, UpdateEmails
from networks.models.pages import JoinMode
from networks.models.updates import UpdateStatus
from networks.sanitise import clean_update_body
from website.audit import scrub_labels
from website.workflow import TransitionNotAllowed

UPDATES_ON_PAGE = 10
MEETINGS_ON_PAGE = 5


# --- reading -----------------------------------------------------------------------------


def current_terms_q(today=None, prefix=""):
    today = today or timezone.localdate()
    return Q(**{f"{prefix}term_start__lte": today}) & (
        Q(**{f"{prefix}term_end__isnull": True})
        | Q(**{f"{prefix}term_end__gte": today})
    )


def current_cochair_terms(network):
    return (
        NetworkCoChair.objects.filter(current_terms_q(), network_id=network.pk)
        .select_related("user", "photo")
        .order_by("sort_order", "term_start")
    )


def network_listing(index_page=None):
    """Live networks under the index (or anywhere: there is one index) with region,
    current co-chairs and member count."""
    networks = NetworkPage.objects.live()
    if index_page is not None:
        networks = networks.child_of(index_page)
    return (
        public_pages(networks)
        .select_related("region")
        .annotate(member_count=Count("memberships", distinct=True))
        .prefetch_related(
            Prefetch(
                "cochairs",
                queryset=NetworkCoChair.objects.filter(current_terms_q())
                .select_related("user")
                .order_by("sort_order", "term_start"),
                to_attr="current_cochair_list",
            )
        )
        .order_by("status", "path")
    )


def upcoming_meetings(network, limit=MEETINGS_ON_PAGE):
    return list(
        Meeting.objects.filter(network_id=network.pk, ends_at__gte=timezone.now())
        .annotate(
            confirmed_count=Count(
                "registrations",
                filter=Q(registrations__status=RegistrationStatus.CONFIRMED),
            )
        )
        .order_by("starts_at")[:limit]
    )


def visible_updates(network, is_member):
    return (
        CoChairUpdate.objects.visible_to(is_member)
        .filter(network_id=network.pk)
        .select_related("author", "image")
        .order_by("-published_at", "-pk")
    )


def network_opportunities(network, limit=5):
    """Open, public opportunities pointed at this network (members.OpportunityPage)."""
    try:
        OpportunityPage = apps.get_model("members", "OpportunityPage")
    except LookupError:
        return []
    field_names = {f.name for f in OpportunityPage._meta.get_fields()}
    if "network_page" not in field_names:
        return []
    qs = public_pages(OpportunityPage.objects.live()).filter(network_page_id=network.pk)
    if "closes_at" in field_names:
        qs = qs.filter(closes_at__gt=timezone.now()).order_by("closes_at")
    return list(qs.only("id", "title", "url_path", "path", "depth")[:limit])


def with_member_count(networks):
    """Networks annotated with `member_count`, as a subquery (no GROUP BY on the page)."""
    count = (
        NetworkMembership.objects.filter(network_id=OuterRef("pk"))
        .order_by()
        .values("network_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return networks.annotate(member_count=Coalesce(Subquery(count), 0))


def network_page_context(network, user):
    """Everything the network page shows, in a fixed number of queries."""
    membership = None
    pending_request = None
    cochairs = list(current_cochair_terms(network))
    is_cochair = user.is_authenticated and any(t.user_id == user.pk for t in cochairs)
    if user.is_authenticated:
        membership = NetworkMembership.objects.filter(
            network_id=network.pk, user=user
        ).first()
        if membership is None and not is_cochair:
            pending_request = JoinRequest.objects.filter(
                network_id=network.pk, user=user, status=JoinRequestStatus.PENDING
            ).first()
    is_member = membership is not None or is_cochair
    my_registrations = {}
    meetings = upcoming_meetings(network)
    if is_member and meetings:
        my_registrations = dict(
            MeetingRegistration.objects.filter(
                user=user, meeting__in=[m.pk for m in meetings]
            )
            .exclude(status=RegistrationStatus.CANCELLED)
            .values_list("meeting_id", "status")
        )
    for meeting in meetings:
        meeting.my_status = my_registrations.get(meeting.pk)
        meeting.places_left = max(meeting.places - meeting.confirmed_count, 0)
    return {
        "cochairs": cochairs,
        "membership": membership,
        "pending_request": pending_request,
        "is_member": is_member,
        "is_cochair": is_cochair,
        "can_join": permissions.can_join_network(user, network),
        "meetings": meetings,
        "updates": list(visible_updates(network, is_member)[:UPDATES_ON_PAGE]),
        "member_count": (
            network.member_count
            if hasattr(network, "member_count")
            else NetworkMembership.objects.filter(network_id=network.pk).count()
        ),
        "opportunities": network_opportunities(network),
    }


def member_directory(network):
    """Members as each allowed: the template shows region and bio only if they said so.

    Only the user, region and this membership are loaded; nothing else from the profile
    (special-category fields stay in the database, DP-3).
    """
    return (
        NetworkMembership.objects.filter(network_id=network.pk)
        .select_related("user", "user__profile__region")
        .only(
            "visibility",
            "short_bio",
            "joined_at",
            "network_id",
            "user__first_name",
            "user__last_name",
            "user__preferred_name",
            "user__email",
            "user__profile__id",
            "user__profile__region__name",
        )
        .order_by("user__first_name", "user__last_name", "pk")
    )


# --- membership --------------------------------------------------------------------------


class NetworkActionError(Exception):
    """A request that cannot be carried out; the message is shown to the person."""


@transaction.atomic
def join_network(user, network, message=""):
    """Join an open network at once, or ask to join a by-request one. Returns a word
    saying what happened: "joined", "requested", "already_member" or "already_requested"."""
    if not permissions.can_join_network(user, network):
        raise NetworkActionError("This network is not taking requests to join.")
    if NetworkMembership.objects.filter(network_id=network.pk, user=user).exists():
        return "already_member"
    if network.join_mode == JoinMode.OPEN:
        NetworkMembership.objects.get_or_create(network=network, user=user)
        return "joined"
    if JoinRequest.objects.filter(
        network_id=network.pk, user=user, status=JoinRequestStatus.PENDING
    ).exists():
        return "already_requested"
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(
                network=network, user=user, message=message
            )
    except IntegrityError:
        return "already_requested"
    emails.join_request_received(join_request)
    return "requested"


@transaction.atomic
def decide_join_request(cochair, join_request, approve):
    """A co-chair approves or declines; the member is told by email either way."""
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if not permissions.can_decide_join_request(cochair, join_request):
        raise NetworkActionError("This request has already been decided.")
    join_request.status = (
        JoinRequestStatus.APPROVED if approve else JoinRequestStatus.DECLINED
    )
    join_request.decided_by = cochair
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["status", "decided_by", "decided_at"])
    if approve:
        NetworkMembership.objects.get_or_create(
            network_id=join_request.network_id, user_id=join_request.user_id
        )
    emails.join_request_decided(join_request)
    return join_request


@transaction.atomic
def leave_network(user, network):
    """Leave a network: the membership goes and places at future meetings are freed."""
    deleted, _ = NetworkMembership.objects.filter(
        network_id=network.pk, user=user
    ).delete()
    JoinRequest.objects.filter(
        network_id=network.pk, user=user, status=JoinRequestStatus.PENDING
    ).update(status=JoinRequestStatus.WITHDRAWN)
    for registration in MeetingRegistration.objects.filter(
        user=user, meeting__network_id=network.pk, meeting__ends_at__gte=timezone.now()
    ).exclude(status=RegistrationStatus.CANCELLED):
        cancel_registration(user, registration.meeting)
    return bool(deleted)


# --- updates -----------------------------------------------------------------------------


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


def send_weekly_digests(now=None):
    """One email per member who chose a weekly summary, covering every network they are
    in; members with nothing new get nothing. Safe to run twice (tracks last_digest_at)."""
    now = now or timezone.now()
    week_ago = now - timezone.timedelta(days=7)
    memberships = (
        NetworkMembership.objects.filter(
            update_emails=UpdateEmails.WEEKLY, user__is_active=True
        )
        .select_related("user", "network")
        .order_by("user_id", "network_id")
    )
    sent = 0
    by_user = {}
    for membership in memberships:
        by_user.setdefault(membership.user, []).append(membership)
    for user, user_memberships in by_user.items():
        sections = []
        for membership in user_memberships:
            since = max(
                filter(
                    None, [membership.last_digest_at, membership.joined_at, week_ago]
                )
            )
            updates = list(
                CoChairUpdate.objects.published()
                .filter(
                    network_id=membership.network_id,
                    published_at__gt=since,
                    published_at__lte=now,
                )
                .order_by("published_at")
            )
            if updates:
                sections.append({"network": membership.network, "updates": updates})
        with transaction.atomic():
            if sections:
                sent += emails.weekly_digest(user, sections)
            NetworkMembership.objects.filter(
                pk__in=[m.pk for m in user_memberships]
            ).update(last_digest_at=now)
    return sent


# --- meetings ----------------------------------------------------------------------------


@transaction.atomic
def register_for_meeting(user, meeting):
    """Give the member a place, or a waiting-list spot when full. The meeting row is locked
    (PostgreSQL) or the write transaction is immediate (SQLite), so places never over-book."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    confirmed = MeetingRegistration.objects.filter(
        meeting=meeting, status=RegistrationStatus.CONFIRMED
    )
    existing = MeetingRegistration.objects.filter(meeting=meeting, user=user).first()
    if existing and existing.status != RegistrationStatus.CANCELLED:
        return existing
    status = (
        RegistrationStatus.CONFIRMED
        if confirmed.count() < meeting.places
        else RegistrationStatus.WAITING
    )
    if existing:
        existing.status = status
        existing.created_at = timezone.now()  # back of the queue on re-registering
        existing.save(update_fields=["status", "created_at", "updated_at"])
        return existing
    return MeetingRegistration.objects.create(meeting=meeting, user=user, status=status)


@transaction.atomic
def cancel_registration(user, meeting):
    """Free a place; the longest-waiting member is promoted and told by email."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    registration = MeetingRegistration.objects.filter(
        meeting=meeting, user=user
    ).first()
    if registration is None or registration.status == RegistrationStatus.CANCELLED:
        return None
    was_confirmed = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    promoted = None
    if was_confirmed:
        promoted = promote_from_waiting_list(meeting)
    return promoted


def promote_from_waiting_list(meeting):
    confirmed = MeetingRegistration.objects.filter(
        meeting=meeting, status=RegistrationStatus.CONFIRMED
    ).count()
    if confirmed >= meeting.places:
        return None
    promoted = (
        MeetingRegistration.objects.filter(
            meeting=meeting, status=RegistrationStatus.WAITING
        )
        .select_related("user", "meeting__network")
        .order_by("created_at", "pk")
        .first()
    )
    if promoted:
        promoted.status = RegistrationStatus.CONFIRMED
        promoted.save(update_fields=["status", "updated_at"])
        emails.place_confirmed(promoted)
    return promoted


@transaction.atomic
def add_meeting(user, network, **fields):
    return Meeting.objects.create(network=network, created_by=user, **fields)


# --- enquiries routed to a network (owned by members.enquiries) --------------------------


def network_enquiries(network):
    """Enquiries sent to this network; spam never reaches co-chairs."""
    return (
        Enquiry.objects.filter(network_page_id=network.pk)
        .exclude(status=Enquiry.Status.SPAM)
        .order_by("-pk")
    )


def enquiry_status_choices(enquiry, cochair):
    """The enquiry's status now, then the moves its workflow lets this co-chair make."""
    labels = dict(Enquiry.Status.choices)
    targets = enquiry_services.next_statuses(enquiry, cochair)
    return [(enquiry.status, labels[enquiry.status])] + [
        (target, labels[target]) for target in targets
    ]


@transaction.atomic
def update_enquiry(cochair, network, enquiry, status, note):
    """A co-chair moves a routed enquiry on (through the enquiries workflow, so the move
    is checked, stamped and in the history) and leaves a note for co-chairs and staff."""
    if enquiry.network_page_id != network.pk:
        raise NetworkActionError("This enquiry was not sent to your network.")
    if status and status != enquiry.status:
        try:
            enquiry_services.change_status(enquiry, status, cochair)
        except (TransitionNotAllowed, PermissionDenied) as refused:
            raise NetworkActionError(
                str(refused) or "You cannot make this change."
            ) from refused
    if note:
        NetworkEnquiryNote.objects.create(
            network=network, enquiry_id=enquiry.pk, author=cochair, text=note
        )
    return enquiry


def enquiry_notes(enquiry):
    return NetworkEnquiryNote.objects.filter(enquiry_id=enquiry.pk).select_related(
        "author", "network"
    )


def anonymise_enquiry_notes(enquiry):
    """With the enquiry at the end of its retention: the notes keep only their dates."""
    NetworkEnquiryNote.objects.filter(enquiry_id=enquiry.pk).update(
        text="", author=None
    )


def new_enquiries_for_cochair(user):
    """New enquiries routed to the networks this person co-chairs now (one query)."""
    return (
        Enquiry.objects.filter(
            network_page_id__in=NetworkCoChair.objects.filter(
                current_terms_q(), user=user
            ).values("network_id"),
            status=Enquiry.Status.NEW,
        )
        .order_by("created_at")
        .only("pk", "reference", "organisation", "created_at", "network_page_id")
    )


# --- dashboard ---------------------------------------------------------------------------


def dashboard_summary(user):
    """For the portal panel: my networks, latest updates, next meetings and co-chair tasks."""
    today = timezone.localdate()
    memberships = list(
        NetworkMembership.objects.filter(user=user).select_related("network")
    )
    terms = list(
        NetworkCoChair.objects.filter(current_terms_q(today), user=user).select_related(
            "network"
        )
    )
    network_ids = {m.network_id for m in memberships} | {t.network_id for t in terms}
    if not network_ids:
        return None
    networks = {m.network_id: m.network for m in memberships}
    networks.update({t.network_id: t.network for t in terms})
    updates = list(
        CoChairUpdate.objects.published()
        .filter(network_id__in=network_ids)
        .select_related("network")
        .order_by("-published_at")[:5]
    )
    meetings = list(
        Meeting.objects.filter(network_id__in=network_ids, ends_at__gte=timezone.now())
        .select_related("network")
        .order_by("starts_at")[:3]
    )
    tasks = []
    cochair_ids = [t.network_id for t in terms]
    if cochair_ids:
        pending = dict(
            JoinRequest.objects.filter(
                network_id__in=cochair_ids, status=JoinRequestStatus.PENDING
            )
            .values_list("network_id")
            .annotate(n=Count("pk"))
        )
        returned = dict(
            CoChairUpdate.objects.filter(
                network_id__in=cochair_ids, status=UpdateStatus.RETURNED
            )
            .values_list("network_id")
            .annotate(n=Count("pk"))
        )
        new_enquiries = dict(
            Enquiry.objects.filter(
                network_page_id__in=cochair_ids, status=Enquiry.Status.NEW
            )
            .values_list("network_page_id")
            .annotate(n=Count("pk"))
        )
        for network_id in cochair_ids:
            tasks.append(
                {
                    "network": networks[network_id],
                    "join_requests": pending.get(network_id, 0),
                    "returned_updates": returned.get(network_id, 0),
                    "new_enquiries": new_enquiries.get(network_id, 0),
                }
            )
    return {
        "networks": sorted(networks.values(), key=lambda n: n.title),
        "updates": updates,
        "meetings": meetings,
        "cochair_tasks": tasks,
    }


# --- invitations, data export and erasure (hooks from members) ----------------------------


def add_invited_member(user, network_slug):
    network = NetworkPage.objects.filter(slug=network_slug).first()
    if network is None:
        return None
    membership, _ = NetworkMembership.objects.get_or_create(network=network, user=user)
    return membership


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
    for reg in MeetingRegistration.objects.filter(user=user).select_related(
        "meeting__network"
    ):
        records.append(
            {
                "record": "meeting registration",
                "network": reg.meeting.network.title,
                "meeting": reg.meeting.title,
                "starts_at": reg.meeting.starts_at,
                "status": reg.get_status_display(),
            }
        )
    return records


@transaction.atomic
def erase_member_data(user):
    """Delete memberships, requests and registrations; keep published updates, which the
    network relies on, attributed to "Former member" (author cleared). Audit entries about
    the deleted rows stay, but the admin's own ones lose the label that names the person."""
    for model in (MeetingRegistration, NetworkMembership, JoinRequest, NetworkCoChair):
        ids = model.objects.filter(user=user).values_list("pk", flat=True)
        scrub_labels(model, ids, "Former member")
    for registration in MeetingRegistration.objects.filter(
        user=user, meeting__ends_at__gte=timezone.now()
    ).exclude(status=RegistrationStatus.CANCELLED):
        cancel_registration(user, registration.meeting)
    MeetingRegistration.objects.filter(user=user).delete()
    NetworkMembership.objects.filter(user=user).delete()
    JoinRequest.objects.filter(user=user).delete()
    NetworkCoChair.objects.filter(user=user).delete()
    CoChairUpdate.objects.filter(author=user).exclude(
        status=UpdateStatus.PUBLISHED
    ).delete()
    # Saved one by one (few rows) so the anonymous page cache hears about the new byline.
    for update in CoChairUpdate.objects.filter(author=user):
        update.author = None
        update.save(update_fields=["author", "updated_at"])
    CoChairUpdateRevision.objects.filter(edited_by=user).update(edited_by=None)
    JoinRequest.objects.filter(decided_by=user).update(decided_by=None)
    NetworkEnquiryNote.objects.filter(author=user).update(author=None)
