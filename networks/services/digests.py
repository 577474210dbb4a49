"""The weekly summary of new updates, for members who chose it."""

from django.db import transaction
from django.utils import timezone

from networks import notifications
from networks.models.membership import NetworkMembership, UpdateEmails
from networks.models.updates import CoChairUpdate


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
                sent += notifications.weekly_digest(user, sections)
            NetworkMembership.objects.filter(
                pk__in=[m.pk for m in user_memberships]
            ).update(last_digest_at=now)
    return sent
