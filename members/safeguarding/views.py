"""The portal side of concerns: raise one (a partner may say it is about themselves), the
confirmation with the emergency guidance at once when someone is at risk, and the
concerns the person raised, read back with their status but never the leads' notes."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from home.pagination import get_page
from members.safeguarding import permissions as perms
from members.safeguarding import services
from members.safeguarding.forms import ConcernForm
from members.safeguarding.models import Concern

PORTAL_CRUMBS = [("Home", "/"), ("My portal", "/portal/")]
CONCERN_CRUMBS = [*PORTAL_CRUMBS, ("Concerns you raised", "/portal/concerns/")]
PER_PAGE = 20


def refused(request):
    """A real 403 that still says where to get help: someone refused here may be worried."""
    return render(request, "members/safeguarding/refused.html", status=403)


def _own(request, pk):
    return get_object_or_404(Concern.objects.filter(raised_by=request.user), pk=pk)


@login_required
@require_GET
def my_concerns(request):
    """The concerns this person raised, newest first, with their status only."""
    if not perms.can_raise(request.user):
        return refused(request)
    concerns = Concern.objects.filter(raised_by=request.user).only(
        "pk", "created_at", "status", "immediate_risk", "about_self", "person_concerned"
    )
    page_obj = get_page(concerns, PER_PAGE, request.GET.get("page"))
    return render(
        request,
        "members/safeguarding/my_concerns.html",
        {"page_obj": page_obj, "crumbs": PORTAL_CRUMBS},
    )


@login_required
@require_http_methods(["GET", "POST"])
def raise_concern(request):
    if not perms.can_raise(request.user):
        return refused(request)
    return raise_page(
        request,
        "members/safeguarding/raise.html",
        "members:concern_raised",
        crumbs=CONCERN_CRUMBS,
    )


def raise_page(request, template, done, **context):
    """The raise form, from the portal or the admin: store it and go to `done` (the
    confirmation, with the guidance when someone is at risk), or show what to put right."""
    form = ConcernForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            concern = services.raise_concern(by=request.user, **form.values())
        except services.ConcernError as refusal:
            form.add_error(None, str(refusal))
        else:
            return redirect(done, pk=concern.pk)
    return render(
        request,
        template,
        {"form": form, **context},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def concern_raised(request, pk):
    """The confirmation: the emergency guidance first when someone is at risk."""
    concern = _own(request, pk)
    return render(
        request,
        "members/safeguarding/raised.html",
        {"concern": concern, "crumbs": CONCERN_CRUMBS},
    )


@login_required
@require_GET
def my_concern(request, pk):
    """What the person wrote and its status; the leads' outcome stays with them."""
    concern = _own(request, pk)
    return render(
        request,
        "members/safeguarding/my_concern.html",
        {"concern": concern, "crumbs": CONCERN_CRUMBS},
    )
