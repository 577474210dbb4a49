"""Network emails. Each is queued in the durable outbox (django-post-office) inside the
caller's transaction, one message per recipient so addresses are never shared."""

from django.conf import settings
from django.template.loader import render_to_string

from website import outbox as mail

PRIORITY = "medium"


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def queue(recipients, template, context):
    """Render `networks/emails/<template>.txt/.html` for each address and queue it."""
    messages = []
    for address in sorted({r.strip().lower() for r in recipients if r}):
        ctx = {**context, "recipient": address}
        subject = " ".join(
            render_to_string(f"networks/emails/{template}_subject.txt", ctx).split()
        )
        messages.append(
            {
                "sender": settings.DEFAULT_FROM_EMAIL,
                "recipients": [address],
                "subject": subject,
                "message": render_to_string(f"networks/emails/{template}.txt", ctx),
                "html_message": render_to_string(
                    f"networks/emails/{template}.html", ctx
                ),
                "priority": PRIORITY,
            }
        )
    if messages:
        mail.send_many(messages)
    return len(messages)


def cochair_emails(network):
    from networks.terms import current_cochair_terms

    return [term.user.email for term in current_cochair_terms(network)]


def join_request_received(join_request):
    network = join_request.network
    return queue(
        cochair_emails(network),
        "join_request_received",
        {
            "network": network,
            "member_name": join_request.user.display_name,
            "workspace_url": absolute(f"/portal/networks/{network.slug}/"),
        },
    )


def join_request_decided(join_request):
    network = join_request.network
    return queue(
        [join_request.user.email],
        "join_request_decided",
        {
            "network": network,
            "approved": join_request.status == "approved",
            "network_url": absolute(network.url or f"/networks/{network.slug}/"),
        },
    )


def update_published(update, recipients):
    network = update.network
    return queue(
        recipients,
        "update_published",
        {
            "network": network,
            "update": update,
            "network_url": absolute(f"/networks/{network.slug}/"),
            "settings_url": absolute(f"/portal/networks/{network.slug}/settings/"),
        },
    )


def update_returned(update):
    network = update.network
    return queue(
        cochair_emails(network),
        "update_returned",
        {
            "network": network,
            "update": update,
            "edit_url": absolute(
                f"/portal/networks/{network.slug}/updates/{update.pk}/edit/"
            ),
        },
    )


def update_awaiting_moderation(update, staff_emails):
    return queue(
        staff_emails,
        "update_awaiting_moderation",
        {
            "network": update.network,
            "update": update,
            "admin_url": absolute("/admin/networks/moderation/"),
        },
    )


def place_confirmed(registration):
    meeting = registration.meeting
    return queue(
        [registration.user.email],
        "place_confirmed",
        {
            "meeting": meeting,
            "network": meeting.network,
            "network_url": absolute(f"/networks/{meeting.network.slug}/"),
        },
    )


def weekly_digest(user, sections):
    return queue(
        [user.email],
        "weekly_digest",
        {
            "name": user.display_name,
            "sections": sections,
            "portal_url": absolute("/portal/"),
        },
    )
