"""Member-facing opportunity views: express interest, my interests, withdraw, answer an offer,
alerts; plus the dashboard panels and home page slot that show opportunities elsewhere."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from home.pagination import get_page
from members.opportunities import alerts as alert_services
from members.opportunities import listing, services
from members.opportunities import permissions as perms
from members.opportunities.choices import InterestStatus
from members.opportunities.forms import (
    AlertForm,
    ExpressionOfInterestForm,
    RespondToOfferForm,
)
from members.opportunities.models import ExpressionOfInterest, OpportunityAlert
from members.opportunities.pages import OpportunityPage
from members.opportunities.workflow import can_withdraw_interest
from website import access_needs, activity
from website.dashboard import Panel

PORTAL_CRUMBS = [("Home", "/"), ("My portal", "/portal/")]
INTEREST_CRUMBS = [*PORTAL_CRUMBS, ("My interests", "/portal/interests/")]
INTERESTS_PER_PAGE = 25

UNAVAILABLE_MESSAGES = {
    "closed": "This opportunity has closed, so it is not taking new expressions of interest.",
    "full": "All the places on this opportunity have been taken.",
}


def _own_interest(request, pk):
    """Another member's interest is a 404, never a 403, so ids reveal nothing (AC-3)."""
    interest = get_object_or_404(
        ExpressionOfInterest.objects.select_related("opportunity"), pk=pk
    )
    if not perms.can_view_interest(request.user, interest):
        raise Http404
    return interest


@sensitive_post_parameters("access_needs", "why_interested", "experience")
@login_required
def express_interest(request, page_id):
    """The short form a member fills in; closed or full opportunities offer the waiting list."""
    opportunity = get_object_or_404(OpportunityPage.objects.live(), pk=page_id)
    if not perms.can_view_opportunity(request.user, opportunity):
        raise Http404
    if not perms.can_express_interest(request.user, opportunity):
        raise PermissionDenied("Only members can express interest in opportunities.")
    existing = ExpressionOfInterest.objects.filter(
        opportunity=opportunity, member=request.user
    ).first()
    if existing:
        messages.info(
            request, "You have already expressed interest in this opportunity."
        )
        return redirect("members:interest_detail", pk=existing.pk)

    unavailable = services.availability_of(opportunity)
    if request.method == "POST":
        form = ExpressionOfInterestForm(request.POST)
        wants_waiting_list = request.POST.get("waiting_list") == "1"
        if form.is_valid():
            try:
                interest, created = services.submit_interest(
                    request.user,
                    opportunity,
                    form.cleaned_data,
                    waiting_list=wants_waiting_list,
                )
            except services.OpportunityUnavailable as exc:
                unavailable = exc.reason
                messages.warning(request, UNAVAILABLE_MESSAGES[exc.reason])
            else:
                if not created:
                    messages.info(
                        request,
                        "You have already expressed interest in this opportunity.",
                    )
                elif interest.status == InterestStatus.WAITING_LIST:
                    messages.success(
                        request,
                        "You are on the waiting list. We will contact you if a place comes up.",
                    )
                else:
                    messages.success(
                        request,
                        "Thank you. Your interest has been sent and is waiting for review.",
                    )
                return redirect("members:interest_detail", pk=interest.pk)
    else:
        form = ExpressionOfInterestForm(
            initial={"access_needs": access_needs.saved(request.user)}
        )
    return render(
        request,
        "members/opportunities/express_interest.html",
        {
            "opportunity": opportunity,
            "form": form,
            "unavailable": unavailable,
            "unavailable_message": UNAVAILABLE_MESSAGES.get(unavailable, ""),
            "breadcrumbs": [
                ("Home", "/"),
                ("Opportunities", "/opportunities/"),
                (opportunity.title, opportunity.url),
            ],
        },
    )


@login_required
def my_interests(request):
    """Everything the member has expressed interest in, newest first, with its status."""
    page_obj = get_page(
        services.member_interests(request.user),
        INTERESTS_PER_PAGE,
        request.GET.get("page"),
    )
    return render(
        request,
        "members/opportunities/my_interests.html",
        {
            "interests": list(page_obj.object_list),
            "page_obj": page_obj,
            "portal_crumbs": PORTAL_CRUMBS,
        },
    )


@login_required
def interest_detail(request, pk):
    """One interest with its history, and what the member can do next."""
    interest = _own_interest(request, pk)
    return render(
        request,
        "members/opportunities/interest_detail.html",
        {
            "interest": interest,
            "history": activity.history(interest, participant=True),
            "can_withdraw": can_withdraw_interest(request.user, interest),
            "can_respond": perms.can_respond_to_offer(request.user, interest),
            "respond_form": RespondToOfferForm(),
            "interest_crumbs": INTEREST_CRUMBS,
        },
    )


@login_required
def withdraw_interest(request, pk):
    """Asks for confirmation first; a GET never changes anything."""
    interest = _own_interest(request, pk)
    if not can_withdraw_interest(request.user, interest):
        messages.warning(request, "This interest can no longer be withdrawn.")
        return redirect("members:interest_detail", pk=interest.pk)
    if request.method == "POST":
        try:
            services.withdraw_interest(interest, request.user)
        except services.InvalidTransition as exc:
            messages.warning(request, str(exc))
        else:
            messages.success(
                request,
                f"You have withdrawn your interest in {interest.opportunity.title}.",
            )
        return redirect("members:my_interests")
    return render(
        request, "members/opportunities/withdraw.html", {"interest": interest}
    )


@login_required
@require_POST
def respond_to_offer(request, pk):
    interest = _own_interest(request, pk)
    form = RespondToOfferForm(request.POST)
    if not perms.can_respond_to_offer(request.user, interest):
        messages.warning(request, "There is no offer to answer on this interest.")
        return redirect("members:interest_detail", pk=interest.pk)
    if not form.is_valid():
        return render(
            request,
            "members/opportunities/interest_detail.html",
            {
                "interest": interest,
                "history": activity.history(interest, participant=True),
                "can_withdraw": False,
                "can_respond": True,
                "respond_form": form,
                "interest_crumbs": INTEREST_CRUMBS,
            },
            status=400,
        )
    accept = form.cleaned_data["decision"] == "accept"
    try:
        services.respond_to_offer(interest, accept, request.user)
    except services.InvalidTransition as exc:
        messages.warning(request, str(exc))
    else:
        messages.success(
            request,
            "You have accepted the place. The team will be in touch with next steps."
            if accept
            else "You have declined the place. Thank you for letting us know.",
        )
    return redirect("members:interest_detail", pk=interest.pk)


@login_required
def alerts(request):
    """The member chooses alerts: each new matching opportunity, a weekly digest, or none."""
    if not perms.is_member(request.user):
        raise PermissionDenied("Opportunity alerts are for members.")
    alert = OpportunityAlert.objects.filter(member=request.user).first()
    if request.method == "POST":
        form = AlertForm(request.POST)
        if form.is_valid():
            alert_services.save_alert(
                request.user,
                form.cleaned_data["frequency"],
                form.cleaned_data["types"],
                form.cleaned_data["regions"],
            )
            messages.success(request, "Your opportunity alerts have been saved.")
            return redirect("members:opportunity_alerts")
    else:
        initial = {"frequency": "off"}
        if alert:
            initial = {
                "frequency": alert.frequency,
                "types": alert.types,
                "regions": list(alert.regions.all()),
            }
        form = AlertForm(initial=initial)
    return render(
        request,
        "members/opportunities/alerts.html",
        {"form": form, "portal_crumbs": INTEREST_CRUMBS},
    )


# Dashboard panels and the home page slot (registered in members/opportunities/wagtail_hooks.py).


def matching_opportunities_panel(request):
    if not perms.is_member(request.user):
        return None
    return Panel(
        order=30,
        template="members/opportunities/panels/matching.html",
        context={"opportunities": listing.matching_open_opportunities(request)},
    )


def my_interests_panel(request):
    if not request.user.is_authenticated:
        return None
    interests = listing.own_interests(request)[:5]
    if not interests and not perms.is_member(request.user):
        return None
    return Panel(
        order=31,
        template="members/opportunities/panels/my_interests.html",
        context={"interests": interests},
    )


def closing_soon_slot(request, page):
    """The three open opportunities closing soonest; members also see members-only ones,
    so the rendered slot is kept once for each audience."""
    from home.slots import Slot, cached_slot

    def build():
        opportunities = listing.closing_soonest(request.user, limit=3)
        if not opportunities:
            return None
        return Slot(
            template="members/opportunities/slots/closing_soon.html",
            context={"opportunities": opportunities},
        )

    audience = "members" if perms.can_see_members_only(request.user) else "everyone"
    return cached_slot(request, "closing-soon", build, order=20, vary=audience)
