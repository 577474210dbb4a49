"""Reading opportunities for the listing, the detail page, dashboard panels and the home slot.

Places left, visibility (members-only) and the filters live here so every list counts and
hides the same way. The pages' extra template context is registered here (see pages.py),
which keeps the page models free of any import of this module.
"""

from datetime import timedelta

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.http import urlencode
from wagtail import hooks

from home.models.snippets import Region
from home.pagination import get_page
from home.routing import public_pages
from members.opportunities import permissions as perms
from members.opportunities.choices import (
    Audience,
    InterestStatus,
    PaymentUnit,
    types_for_interests,
)
from members.opportunities.forms import OpportunityFilterForm
from members.opportunities.models import ExpressionOfInterest
from members.opportunities.pages import (
    DETAIL_CONTEXT_HOOK,
    INDEX_CONTEXT_HOOK,
    OpportunityIndexPage,
    OpportunityPage,
)
from website import fragments

PAGE_SIZE = 12
CLOSING_SOON_DAYS = 14
RECENTLY_CLOSED_DAYS = 60


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


@hooks.register(INDEX_CONTEXT_HOOK)
def listing_context(request, index_page):
    """The listing, filters and all, the same for everyone who may see the same
    opportunities: rendered once per filter choice and kept (website/fragments.py)."""
    audience = "members" if perms.can_see_members_only(request.user) else "everyone"
    html = fragments.rendered(
        request,
        f"opportunities:{index_page.pk}",
        "members/opportunities/_listing.html",
        lambda: {**listing_data(request), "page": index_page},
        vary=fragments.with_query(request, audience),
    )
    return {"listing_html": html, "breadcrumb_items": [("Home", "/")]}


def listing_data(request):
    """Everything the listing template needs, in a fixed number of queries."""
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
    }


@hooks.register(DETAIL_CONTEXT_HOOK)
def detail_context(request, opportunity):
    """The member's own interest (if any), places left and what they may do next."""
    user = request.user
    interest = None
    if user.is_authenticated:
        interest = ExpressionOfInterest.objects.filter(
            opportunity=opportunity, member=user
        ).first()
    shared = fragments.cached(
        request,
        "opportunities:detail",
        lambda: _shared_detail(opportunity),
        vary=f"{request.get_host()}|{opportunity.pk}",
    )
    # The places line in the template reads the count from the page, as a fresh build does.
    opportunity.accepted_count = shared["accepted_count"]
    return {
        **shared,
        "interest": interest,
        "is_full": shared["places_left"] <= 0,
        "user_is_member": perms.is_member(user),
    }


def _shared_detail(opportunity):
    """What every reader of the opportunity sees alike. Kept per opportunity until a
    publish or any interest's save (either bumps the generation: places left change)."""
    parent = (
        OpportunityIndexPage.objects.filter(
            path=opportunity.path[: -opportunity.steplen]
        )
        .select_related("payment_guidance_page")
        .first()
    )
    guidance = parent.payment_guidance_page if parent else None
    left = places_left(opportunity)
    return {
        "places_left": left,
        "accepted_count": opportunity.accepted_count,
        "regions": list(opportunity.regions.all()),
        "network_page": opportunity.network_page
        if opportunity.network_page_id
        else None,
        "payment_guidance_url": guidance.url if guidance and guidance.live else "",
        "breadcrumb_items": [("Home", "/")]
        + ([(parent.title, parent.url)] if parent else []),
    }


def closing_soonest(user, limit=3):
    return list(open_opportunities(user).prefetch_related("regions")[:limit])


# What the dashboard's short list shows (a link, closing and places), and no more: page
# rows are wide, and building the SQL for every column costs more than running it.
PANEL_FIELDS = ("id", "title", "url_path", "closes_at", "places")


# How many of the audience's matching opportunities are kept for the panel; a member with
# interests in all of them gets the exact query instead.
MATCHING_KEPT = 30


def _matching_query(user, profile):
    """Open opportunities in the member's region (or National/Online) and matching
    interests: the same for everyone with the same audience, region and interests."""
    qs = open_opportunities(user)
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
    return qs.only(*PANEL_FIELDS)


def own_interests(request):
    """The signed-in person's expressions of interest, newest first, read once a request.

    The dashboard shows them three ways ("My expressions of interest", offers waiting in
    "Things to do", and taken out of "Matching opportunities"); one query serves all three.
    """
    if not request.user.is_authenticated:
        return []
    if not hasattr(request, "_own_interests"):
        request._own_interests = list(
            ExpressionOfInterest.objects.filter(member=request.user)
            .select_related("opportunity")
            .only(
                "pk",
                "status",
                "created_at",
                "opportunity",
                "opportunity__title",
                "opportunity__starts_on",
                "opportunity__closes_at",
            )
            .order_by("-created_at", "-pk")
        )
    return request._own_interests


def matching_open_opportunities(request, limit=5):
    """The panel's short list, with only the columns it shows. The audience's list is kept
    as a fragment (it changes with any publish or interest, which bumps the generation);
    the member's own expressions of interest are taken out afterwards, since those show
    in "My expressions of interest" instead."""
    user = request.user
    profile = getattr(user, "profile", None) if user.is_authenticated else None
    audience = "members" if perms.can_see_members_only(user) else "everyone"
    vary = audience
    if profile is not None:
        vary += f"|{profile.region_id}|{','.join(sorted(profile.interests or []))}"
    kept = fragments.cached(
        request,
        "opportunities:matching",
        lambda: list(_matching_query(user, profile)[:MATCHING_KEPT]),
        vary=vary,
        seconds_at_most=60,
    )
    taken = {interest.opportunity_id for interest in own_interests(request)}
    now = timezone.now()
    left = [o for o in kept if o.pk not in taken and o.closes_at > now]
    if len(left) < limit and len(kept) == MATCHING_KEPT:
        left = list(_matching_query(user, profile).exclude(pk__in=taken)[:limit])
    return left[:limit]
