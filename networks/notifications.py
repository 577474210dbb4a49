"""The networks feature's emails, in the core's catalogue (website/notify.py).

Each message is one event with its templates in `templates/emails/<event>/`; the functions
below gather its context and recipients and hand it to `notify`, inside the caller's
transaction. Update emails and the weekly summary are the member's choice (their network
email settings), so they are not transactional and carry a link to change it.
"""

from django.urls import reverse
from django.utils import timezone

from networks.models.membership import NetworkMembership, UpdateEmails
from networks.models.updates import CoChairUpdate
from networks.terms import current_cochair_terms
from website import notify, roles


def _settings_path(network):
    return reverse("networks:membership_settings", kwargs={"slug": network.slug})


JOIN_REQUEST_RECEIVED = notify.register(
    "network_join_request_received",
    "Co-chairs: a member has asked to join their network.",
)
JOIN_REQUEST_DECIDED = notify.register(
    "network_join_request_decided",
    "The member: the co-chairs approved or declined their request to join.",
)
UPDATE_PUBLISHED = notify.register(
    "network_update_published",
    "Members who chose an email for each update: a co-chair update is published.",
    transactional=False,
    manage_path=lambda context: _settings_path(context["network"]),
)
UPDATE_RETURNED = notify.register(
    "network_update_returned",
    "Co-chairs: programme staff returned an update with a note saying what to change.",
)
UPDATE_AWAITING_MODERATION = notify.register(
    "network_update_awaiting_moderation",
    "Programme staff: a co-chair update is waiting to be checked.",
)
MEETING_CHANGED = notify.register(
    "network_meeting_changed",
    "Members with a place or on the waiting list: a co-chair changed the meeting.",
)
MEETING_CANCELLED = notify.register(
    "network_meeting_cancelled",
    "Members with a place or on the waiting list: a co-chair cancelled the meeting.",
)
WEEKLY_DIGEST = notify.register(
    "network_weekly_digest",
    "Members who chose a weekly summary: the week's new updates from their networks.",
    transactional=False,
    # A summary covers every network the member chose it for; the link goes to the first
    # one's settings, where that choice is made (one page per network).
    manage_path=lambda context: _settings_path(context["sections"][0]["network"]),
)


def _cochairs(network):
    return [term.user for term in current_cochair_terms(network)]


def join_request_received(join_request):
    network = join_request.network
    return notify.notify(
        JOIN_REQUEST_RECEIVED,
        _cochairs(network),
        {
            "network": network,
            "member_name": join_request.user.display_name,
            "workspace_url": notify.absolute_url(
                reverse("networks:workspace", kwargs={"slug": network.slug})
            ),
        },
        about=join_request,
    )


def join_request_decided(join_request):
    network = join_request.network
    return notify.notify(
        JOIN_REQUEST_DECIDED,
        [join_request.user],
        {
            "network": network,
            "approved": join_request.status == "approved",
            "network_url": notify.absolute_url(
                network.url or f"/networks/{network.slug}/"
            ),
        },
        about=join_request,
    )


def update_published(update, recipients):
    network = update.network
    return notify.notify(
        UPDATE_PUBLISHED,
        recipients,
        {
            "network": network,
            "update": update,
            "network_url": notify.absolute_url(f"/networks/{network.slug}/"),
        },
        about=update,
    )


def send_immediate_update_emails(update):
    """Queue one email per member who asked for each update; once per update."""
    if update.emailed_at is not None:
        return 0
    memberships = (
        NetworkMembership.objects.filter(
            network_id=update.network_id,
            update_emails=UpdateEmails.IMMEDIATE,
            user__is_active=True,
        )
        .exclude(user_id=update.author_id)
        .select_related("user")
    )
    count = update_published(update, [m.user for m in memberships])
    CoChairUpdate.objects.filter(pk=update.pk).update(emailed_at=timezone.now())
    update.emailed_at = timezone.now()
    return count


def update_returned(update):
    network = update.network
    return notify.notify(
        UPDATE_RETURNED,
        _cochairs(network),
        {
            "network": network,
            "update": update,
            "edit_url": notify.absolute_url(
                reverse(
                    "networks:update_edit",
                    kwargs={"slug": network.slug, "pk": update.pk},
                )
            ),
        },
        about=update,
    )


def update_awaiting_moderation(update):
    return notify.notify(
        UPDATE_AWAITING_MODERATION,
        roles.STAFF,
        {
            "network": update.network,
            "update": update,
            "admin_url": notify.absolute_url(
                reverse("networks_moderation_detail", args=[update.pk])
            ),
        },
        about=update,
    )


def _meeting_context(network, event):
    return {
        "meeting": event,
        "network": network,
        "event_url": notify.absolute_url(event.get_absolute_url()),
        "network_url": notify.absolute_url(f"/networks/{network.slug}/"),
    }


def meeting_changed(network, event, bookings, changes):
    """One email per booked member, each about their own booking."""
    context = {**_meeting_context(network, event), "changes": changes}
    return sum(
        notify.notify(MEETING_CHANGED, [b.user], context, about=b)
        for b in bookings
        if b.user_id
    )


def meeting_cancelled(network, event, bookings):
    context = _meeting_context(network, event)
    return sum(
        notify.notify(MEETING_CANCELLED, [b.user], context, about=b)
        for b in bookings
        if b.user_id
    )


def weekly_digest(user, sections):
    return notify.notify(
        WEEKLY_DIGEST,
        [user],
        {
            "name": user.display_name,
            "sections": sections,
            "portal_url": notify.absolute_url("/portal/"),
        },
    )
