"""Opportunity alerts: an email on publish for members who want each one, a weekly digest
for the rest, and never the same opportunity twice to one member."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.signals import page_published

from members.opportunities import notifications
from members.opportunities import permissions as perms
from members.opportunities.choices import AlertFrequency
from members.opportunities.models import OpportunityAlert, OpportunityAlertSent
from members.opportunities.pages import OpportunityPage


def alert_matches(alert, opportunity, region_ids):
    if alert.types and opportunity.opportunity_type not in alert.types:
        return False
    wanted = {region.pk for region in alert.regions.all()}
    return not wanted or bool(wanted & region_ids)


def _alerts(frequency):
    return (
        OpportunityAlert.objects.filter(frequency=frequency, member__is_active=True)
        .select_related("member")
        .prefetch_related("regions")
    )


def _claim(member, opportunity):
    """Record the alert before queueing it; False if this member was already told."""
    try:
        with transaction.atomic():
            OpportunityAlertSent.objects.create(member=member, opportunity=opportunity)
    except IntegrityError:
        return False
    return True


def queue_immediate_alerts(opportunity):
    """On publish: one email per matching member who asked for immediate alerts, only once."""
    opportunity = OpportunityPage.objects.get(pk=opportunity.pk)
    if not opportunity.live or opportunity.is_closed:
        return 0
    region_ids = set(opportunity.regions.values_list("pk", flat=True))
    already = set(
        OpportunityAlertSent.objects.filter(opportunity=opportunity).values_list(
            "member_id", flat=True
        )
    )
    sent = 0
    for alert in _alerts(AlertFrequency.IMMEDIATE):
        member = alert.member
        if member.pk in already or not alert_matches(alert, opportunity, region_ids):
            continue
        if not perms.can_view_opportunity(member, opportunity):
            continue
        with transaction.atomic():
            if not _claim(member, opportunity):
                continue
            notifications.alert(notifications.OPPORTUNITY_ALERT, member, [opportunity])
        sent += 1
    return sent


def queue_weekly_digests():
    """One digest per weekly subscriber listing open matching opportunities not yet sent."""
    open_ops = list(
        OpportunityPage.objects.live()
        .filter(closes_at__gt=timezone.now())
        .prefetch_related("regions")
        .order_by("closes_at")
    )
    sent_pairs = set(
        OpportunityAlertSent.objects.filter(
            opportunity__in=[o.pk for o in open_ops]
        ).values_list("member_id", "opportunity_id")
    )
    digests = 0
    for alert in _alerts(AlertFrequency.WEEKLY):
        member = alert.member
        chosen = [
            op
            for op in open_ops
            if (member.pk, op.pk) not in sent_pairs
            and alert_matches(alert, op, {r.pk for r in op.regions.all()})
            and perms.can_view_opportunity(member, op)
        ]
        if not chosen:
            continue
        with transaction.atomic():
            chosen = [op for op in chosen if _claim(member, op)]
            if not chosen:
                continue
            notifications.alert(notifications.OPPORTUNITY_DIGEST, member, chosen)
        digests += 1
    return digests


def queue_all_immediate_alerts():
    """Catch-up for the alert command: anything published while the signal was missed."""
    total = 0
    for opportunity in OpportunityPage.objects.live().filter(
        closes_at__gt=timezone.now()
    ):
        total += queue_immediate_alerts(opportunity)
    return total


def save_alert(member, frequency, types, regions):
    alert, _ = OpportunityAlert.objects.get_or_create(member=member)
    alert.frequency = frequency
    alert.types = sorted(types)
    alert.save()
    alert.regions.set(regions)
    return alert


def _alert_on_publish(sender, instance, **kwargs):
    """Tell members who asked for immediate alerts; the sent-record stops any repeat."""
    queue_immediate_alerts(instance)


def connect():
    """Called from the app's ready(): alerts go out when an opportunity is published."""
    page_published.connect(
        _alert_on_publish,
        sender=OpportunityPage,
        dispatch_uid="members_opportunity_alert_on_publish",
    )
