"""Opportunity listings, expressions of interest and alerts: the rules in one place.

Views, the admin, the dashboard panels and the alert command all call these functions, so
closing dates, places, the one-interest rule and "never alert twice" hold everywhere.
"""

import csv
import io
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import urlencode

from home.models.snippets import Region
from home.pagination import get_page
from home.routing import public_pages
from members.opportunities import permissions as perms
from members.opportunities.models import (
    AlertFrequency,
    Audience,
    ExpressionOfInterest,
    InterestStatus,
    InterestStatusChange,
    OpportunityAlert,
    OpportunityAlertSent,
    OpportunityIndexPage,
    OpportunityPage,
    PaymentUnit,
    types_for_interests,
)
from website import outbox as mail

PAGE_SIZE = 12
CLOSING_SOON_DAYS = 14
RECENTLY_CLOSED_DAYS = 60
EMAIL_PRIORITY = "medium"

# Statuses that still hold or seek a place (used to refuse a second, different interest).
ACTIVE_STATUSES = {
    InterestStatus.SUBMITTED,
    InterestStatus.SHORTLISTED,
    InterestStatus.OFFERED,
    InterestStatus.ACCEPTED,
    InterestStatus.WAITING_LIST,
}


class OpportunityUnavailable(Exception):
    """The opportunity cannot take a normal expression of interest (closed or full)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class InvalidTransition(Exception):
    """The requested status change is not allowed from the interest's current status."""


# ---------------------------------------------------------------------------------------
# Reading opportunities


def accepted_count_subquery():
    accepted = (
        ExpressionOfInterest.objects.filter(
            opportunity=OuterRef("pk"), status=InterestStatus.ACCEPTED
        )
        .order_by()
        .values("opportunity")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(accepted, output_field=IntegerField()), 0)


def visible_opportunities(user):
    """Live opportunities this person may see: members-only ones for members and admins only."""
    qs = OpportunityPage.objects.live().annotate(
        accepted_count=accepted_count_subquery()
    )
    if not perms.can_see_members_only(user):
        qs = public_pages(qs.filter(audience=Audience.EVERYONE))
    return qs


def open_opportunities(user, now=None):
    now = now or timezone.now()
    return (
        visible_opportunities(user)
        .filter(closes_at__gt=now)
        .order_by("closes_at", "pk")
    )


def places_left(opportunity):
    accepted = getattr(opportunity, "accepted_count", None)
    if accepted is None:
        accepted = opportunity.interests.filter(status=InterestStatus.ACCEPTED).count()
        opportunity.accepted_count = accepted
    return max(opportunity.places - accepted, 0)


def is_full(opportunity):
    return places_left(opportunity) <= 0


def apply_filters(qs, data):
    """Filter by the cleaned values of OpportunityFilterForm; missing values mean 'any'."""
    if data.get("type"):
        qs = qs.filter(opportunity_type=data["type"])
    if data.get("region"):
        # A subquery, not a join, so no DISTINCT is needed and the window count holds.
        qs = qs.filter(
            pk__in=OpportunityPage.regions.through.objects.filter(
                region=data["region"]
            ).values("opportunitypage_id")
        )
    if data.get("format") == "online":
        qs = qs.filter(format__in=["online", "hybrid"])
    elif data.get("format") == "in_person":
        qs = qs.filter(format__in=["in_person", "hybrid"])
    if data.get("pay") == "paid":
        qs = qs.exclude(payment_unit=PaymentUnit.VOLUNTARY)
    elif data.get("pay") == "voluntary":
        qs = qs.filter(payment_unit=PaymentUnit.VOLUNTARY)
    if data.get("closing_soon"):
        qs = qs.filter(
            closes_at__lte=timezone.now() + timedelta(days=CLOSING_SOON_DAYS)
        )
    return qs


def clean_filter_data(form):
    """Valid filter values only: an unknown or malformed parameter is simply ignored."""
    form.is_valid()
    return {
        name: value
        for name, value in getattr(form, "cleaned_data", {}).items()
        if value not in (None, "", False)
    }


def listing_context(request, index_page):
    """Everything the listing template needs, in a fixed number of queries."""
    from members.opportunities.forms import OpportunityFilterForm

    regions = list(Region.objects.all())
    form = OpportunityFilterForm(request.GET or None, regions=regions)
    data = clean_filter_data(form) if request.GET else {}
    now = timezone.now()
    base = apply_filters(visible_opportunities(request.user), data)
    open_qs = (
        base.filter(closes_at__gt=now)
        .order_by("closes_at", "pk")
        .prefetch_related("regions")
    )
    # A plain COUNT (Django leaves out the places-taken annotation) and then the page's
    # rows: flat as the list grows, unlike a window-function total over every row.
    page_obj = get_page(open_qs, PAGE_SIZE, request.GET.get("page"))
    page_obj.object_list = list(page_obj.object_list)
    recently_closed = list(
        base.filter(
            closes_at__lte=now,
            closes_at__gte=now - timedelta(days=RECENTLY_CLOSED_DAYS),
        ).order_by("-closes_at", "pk")[:6]
    )
    query = urlencode(
        {
            k: (v.slug if hasattr(v, "slug") else ("1" if v is True else v))
            for k, v in data.items()
        }
    )
    return {
        "filter_form": form,
        "filters_applied": bool(data),
        "page_obj": page_obj,
        "opportunities": list(page_obj.object_list),
        "recently_closed": recently_closed,
        "query": query,
        "breadcrumb_items": [("Home", "/")],
    }


def detail_context(request, opportunity):
    """The member's own interest (if any), places left and what they may do next."""
    user = request.user
    interest = None
    if user.is_authenticated:
        interest = ExpressionOfInterest.objects.filter(
            opportunity=opportunity, member=user
        ).first()
    left = places_left(opportunity)
    parent = (
        OpportunityIndexPage.objects.filter(
            path=opportunity.path[: -opportunity.steplen]
        )
        .select_related("payment_guidance_page")
        .first()
    )
    guidance = parent.payment_guidance_page if parent else None
    return {
        "interest": interest,
        "places_left": left,
        "is_full": left <= 0,
        "regions": list(opportunity.regions.all()),
        "network_page": opportunity.network_page
        if opportunity.network_page_id
        else None,
        "payment_guidance_url": guidance.url if guidance and guidance.live else "",
        "user_is_member": perms.is_member(user),
        "breadcrumb_items": [("Home", "/")]
        + ([(parent.title, parent.url)] if parent else []),
    }


def closing_soonest(user, limit=3):
    return list(open_opportunities(user).prefetch_related("regions")[:limit])


def matching_open_opportunities(user, limit=5):
    """Open opportunities in the member's region (or National/Online) and matching interests."""
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    qs = open_opportunities(user)
    if user.is_authenticated:
        # Already expressed interest: it shows in "My expressions of interest" instead.
        qs = qs.exclude(
            pk__in=ExpressionOfInterest.objects.filter(member=user).values(
                "opportunity_id"
            )
        )
    if profile is not None:
        types = types_for_interests(profile.interests)
        if types:
            qs = qs.filter(opportunity_type__in=types)
        if profile.region_id:
            through = OpportunityPage.regions.through.objects
            qs = qs.filter(
                pk__in=through.filter(
                    Q(region_id=profile.region_id)
                    | Q(region__slug__in=["national", "online"])
                ).values("opportunitypage_id")
            )
    return list(qs[:limit])


# ---------------------------------------------------------------------------------------
# Expressions of interest


def availability_of(opportunity):
    """None when open for interest, else "closed" or "full"."""
    if opportunity.is_closed:
        return "closed"
    if is_full(opportunity):
        return "full"
    return None


def submit_interest(member, opportunity, data, waiting_list=False):
    """Save a member's interest once; a second submission returns the existing one.

    Returns (interest, created). Raises OpportunityUnavailable when the opportunity is closed
    or full and the member did not ask to join the waiting list.
    """
    reason = availability_of(opportunity)
    if reason and not waiting_list:
        raise OpportunityUnavailable(reason)
    status = InterestStatus.WAITING_LIST if reason else InterestStatus.SUBMITTED
    existing = ExpressionOfInterest.objects.filter(
        opportunity=opportunity, member=member
    ).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            interest = ExpressionOfInterest.objects.create(
                opportunity=opportunity,
                member=member,
                status=status,
                why_interested=data["why_interested"],
                experience=data.get("experience", ""),
                availability=data["availability"],
                access_needs=data.get("access_needs", "")
                if data.get("share_access_needs")
                else "",
            )
            InterestStatusChange.objects.create(
                interest=interest, from_status="", to_status=status, changed_by=member
            )
            queue_interest_email(interest, "received")
    except IntegrityError:
        # Two tabs or a double click: the other request won; keep its row.
        return ExpressionOfInterest.objects.get(
            opportunity=opportunity, member=member
        ), False
    return interest, True


def _move(interest, new_status, by):
    old = interest.status
    interest.status = new_status
    interest.save(update_fields=["status", "updated_at"])
    InterestStatusChange.objects.create(
        interest=interest, from_status=old, to_status=new_status, changed_by=by
    )


@transaction.atomic
def change_status(interest, new_status, by, notify=True):
    """A staff review step; the member is emailed through the outbox in the same transaction."""
    interest = ExpressionOfInterest.objects.select_for_update().get(pk=interest.pk)
    if not perms.can_change_interest_status(by, interest, new_status):
        raise InvalidTransition(
            f"An interest that is “{interest.get_status_display()}” cannot be moved to "
            f"“{InterestStatus(new_status).label}”."
        )
    _move(interest, new_status, by)
    if notify:
        queue_interest_email(interest, "status_changed")
    return interest


@transaction.atomic
def withdraw_interest(interest, by):
    interest = ExpressionOfInterest.objects.select_for_update().get(pk=interest.pk)
    if not perms.can_withdraw_interest(by, interest):
        raise InvalidTransition("This interest can no longer be withdrawn.")
    _move(interest, InterestStatus.WITHDRAWN, by)
    return interest


@transaction.atomic
def respond_to_offer(interest, accept, by):
    interest = ExpressionOfInterest.objects.select_for_update().get(pk=interest.pk)
    new_status = InterestStatus.ACCEPTED if accept else InterestStatus.DECLINED
    if not perms.member_can_move(by, interest, new_status):
        raise InvalidTransition("There is no offer to answer on this interest.")
    if accept:
        opportunity = OpportunityPage.objects.get(pk=interest.opportunity_id)
        if is_full(opportunity):
            raise InvalidTransition(
                "All places have now been taken. Programme staff will be in touch."
            )
    _move(interest, new_status, by)
    return interest


def bulk_change_status(interests, new_status, by):
    """Apply a staff status change to many interests; returns (changed, skipped) counts."""
    changed = skipped = 0
    for interest in interests:
        try:
            change_status(interest, new_status, by)
            changed += 1
        except InvalidTransition:
            skipped += 1
    return changed, skipped


def member_interests(user):
    return (
        ExpressionOfInterest.objects.filter(member=user)
        .select_related("opportunity")
        .order_by("-created_at")
    )


# ---------------------------------------------------------------------------------------
# Email


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def queue_email(address, template, context):
    """Render templates/members/emails/opportunities/<template> and queue it in the outbox."""
    base = f"members/emails/opportunities/{template}"
    subject = " ".join(render_to_string(f"{base}_subject.txt", context).split())
    mail.send(
        [address],
        settings.DEFAULT_FROM_EMAIL,
        subject=subject,
        message=render_to_string(f"{base}.txt", context),
        html_message=render_to_string(f"{base}.html", context),
        priority=EMAIL_PRIORITY,
    )


def queue_interest_email(interest, template):
    member = interest.member
    queue_email(
        member.email,
        f"interest_{template}",
        {
            "name": member.display_name,
            "interest": interest,
            "opportunity": interest.opportunity,
            "status": interest.status,
            "status_label": interest.get_status_display(),
            "interests_url": absolute("/portal/interests/"),
            "interest_url": absolute(f"/portal/interests/{interest.pk}/"),
        },
    )


# ---------------------------------------------------------------------------------------
# Alerts


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
            queue_email(
                member.email,
                "alert",
                {
                    "name": member.display_name,
                    "opportunities": [opportunity],
                    "url": absolute(opportunity.url or ""),
                    "alerts_url": absolute("/portal/interests/alerts/"),
                    "base_url": absolute(""),
                },
            )
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
            queue_email(
                member.email,
                "digest",
                {
                    "name": member.display_name,
                    "opportunities": chosen,
                    "alerts_url": absolute("/portal/interests/alerts/"),
                    "base_url": absolute(""),
                },
            )
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


# ---------------------------------------------------------------------------------------
# Export and member data


def neutralise(value):
    """Stop spreadsheet formula injection: a cell starting = + - @ (or tab/CR) becomes text."""
    text = "" if value is None else str(value)
    if text and text[0] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def export_interests_csv(interests, include_access_needs=False):
    """CSV of interests for staff; access needs only for holders of the special permission."""
    headers = [
        "Reference",
        "Opportunity",
        "Member",
        "Email",
        "Status",
        "Submitted",
        "Why interested",
        "Relevant experience",
        "Availability",
    ]
    if include_access_needs:
        headers.append("Access needs")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    for interest in interests:
        row = [
            interest.pk,
            interest.opportunity.title,
            interest.member.display_name,
            interest.member.email,
            interest.get_status_display(),
            timezone.localtime(interest.created_at).strftime("%Y-%m-%d %H:%M"),
            interest.why_interested,
            interest.experience,
            interest.availability,
        ]
        if include_access_needs:
            row.append(interest.access_needs)
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()


def export_interests_section(user):
    """Member data download: every interest with its history (two queries)."""
    from website.dataexport import ExportSection

    interests = list(
        ExpressionOfInterest.objects.filter(member=user)
        .select_related("opportunity")
        .prefetch_related("history")
        .order_by("created_at")
    )
    if not interests:
        return None
    return ExportSection(
        key="expressions_of_interest",
        title="Expressions of interest",
        order=40,
        records=[
            {
                "opportunity": i.opportunity.title,
                "status": i.get_status_display(),
                "submitted_at": i.created_at,
                "why_interested": i.why_interested,
                "relevant_experience": i.experience,
                "availability": i.availability,
                "access_needs_shared": i.access_needs,
                "history": [
                    {"status": h.to_label, "at": h.created_at} for h in i.history.all()
                ],
            }
            for i in interests
        ],
    )


def export_alerts_section(user):
    from website.dataexport import ExportSection

    alert = (
        OpportunityAlert.objects.filter(member=user).prefetch_related("regions").first()
    )
    if alert is None:
        return None
    return ExportSection(
        key="opportunity_alerts",
        title="Opportunity alerts",
        order=41,
        records=[
            {
                "frequency": alert.get_frequency_display(),
                "types": alert.types,
                "regions": [r.name for r in alert.regions.all()],
                "updated_at": alert.updated_at,
            }
        ],
    )


def export_alerts_sent_section(user):
    """Which opportunities alert emails told the member about, and when (one query)."""
    from website.dataexport import ExportSection

    rows = (
        OpportunityAlertSent.objects.filter(member=user)
        .order_by("sent_at", "pk")
        .values("opportunity__title", "sent_at")
    )
    records = [
        {"opportunity": row["opportunity__title"], "emailed_at": row["sent_at"]}
        for row in rows
    ]
    if not records:
        return None
    return ExportSection(
        key="opportunity_alerts_sent",
        title="Opportunities we emailed you about",
        order=42,
        records=records,
    )


UNREVIEWED = [
    InterestStatus.SUBMITTED,
    InterestStatus.WITHDRAWN,
    InterestStatus.WAITING_LIST,
]


def erase_member_data(user):
    """Account deletion: drop unreviewed interests and alerts; blank what staff reviewed.

    Reviewed interests keep their row (places and history depend on it) but lose every
    personal answer, including access needs and staff notes about the person.
    """
    ExpressionOfInterest.objects.filter(member=user, status__in=UNREVIEWED).delete()
    ExpressionOfInterest.objects.filter(member=user).update(
        why_interested="",
        experience="",
        availability="",
        access_needs="",
        internal_notes="",
    )
    OpportunityAlert.objects.filter(member=user).delete()
    OpportunityAlertSent.objects.filter(member=user).delete()
