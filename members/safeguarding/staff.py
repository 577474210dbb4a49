"""The concerns log in the admin, for the designated safeguarding leads only: the list
(newest first, filtered by status and immediate risk, paginated), one concern with who has
opened it, closing it with what was done; and raising a concern from the admin, which any
member of staff may do. Every opening of the log or of a concern is recorded."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from home.pagination import get_page, page_number
from members.safeguarding import permissions as perms
from members.safeguarding import services
from members.safeguarding.forms import CloseForm
from members.safeguarding.models import Concern
from members.safeguarding.views import raise_page
from website.views import forbidden

PER_PAGE = 25
VIEWS_SHOWN = 20
STATUSES = [("", "Open and closed"), *Concern.Status.choices]
RISKS = [
    ("", "With or without"),
    ("yes", "Immediate risk"),
    ("no", "No immediate risk"),
]


def _refused(request, allowed=perms.can_read_log):
    """A real 403 page (Wagtail would turn PermissionDenied into a redirect), or None."""
    return None if allowed(request.user) else forbidden(request)


def _choice(value, choices):
    return value if value in {key for key, _label in choices} else ""


@require_GET
def log(request):
    if refused := _refused(request):
        return refused
    status = _choice(request.GET.get("status", "open"), STATUSES)
    risk = _choice(request.GET.get("risk", ""), RISKS)
    concerns = Concern.objects.select_related("raised_by").only(
        "pk",
        "created_at",
        "status",
        "immediate_risk",
        "about_self",
        "person_concerned",
        "raised_by__first_name",
        "raised_by__last_name",
        "raised_by__email",
    )
    if status:
        concerns = concerns.filter(status=status)
    if risk:
        concerns = concerns.filter(immediate_risk=risk == "yes")
    page_obj = get_page(concerns, PER_PAGE, request.GET.get("page"))
    services.record_log_view(
        request.user,
        page=page_number(request.GET.get("page")),
        status=status,
        risk=risk,
    )
    return render(
        request,
        "members/safeguarding/admin/log.html",
        {
            "page_obj": page_obj,
            "status": status,
            "risk": risk,
            "statuses": STATUSES,
            "risks": RISKS,
            "query": f"status={status}&risk={risk}",
        },
    )


def _concern(pk):
    return get_object_or_404(
        Concern.objects.select_related("raised_by", "closed_by"), pk=pk
    )


def _detail_page(request, concern, close_form=None, status=200):
    services.record_view(concern, request.user)
    return render(
        request,
        "members/safeguarding/admin/detail.html",
        {
            "concern": concern,
            "concern_heading": f"Concern {concern.pk}",
            "close_form": close_form or CloseForm(),
            "may_close": perms.can_close(request.user, concern),
            "views": list(
                concern.views.select_related("viewer").order_by("-at", "-pk")[
                    :VIEWS_SHOWN
                ]
            ),
        },
        status=status,
    )


@require_GET
def detail(request, pk):
    if refused := _refused(request):
        return refused
    return _detail_page(request, _concern(pk))


@require_POST
def close(request, pk):
    if refused := _refused(request):
        return refused
    concern = _concern(pk)
    form = CloseForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, concern, close_form=form, status=400)
    try:
        services.close_concern(
            concern, by=request.user, outcome=form.cleaned_data["outcome"]
        )
    except services.ConcernError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, f"Concern {concern.pk} closed.")
    return redirect("safeguarding_admin:detail", pk=concern.pk)


@require_http_methods(["GET", "POST"])
def new(request):
    """Any member of staff raises a concern from the admin."""
    if refused := _refused(request, perms.can_raise):
        return refused
    return raise_page(
        request, "members/safeguarding/admin/raise.html", "safeguarding_admin:raised"
    )


@require_GET
def raised(request, pk):
    """The confirmation for whoever raised it (a lead or not): guidance first at risk."""
    concern = get_object_or_404(Concern, pk=pk, raised_by=request.user)
    return render(
        request,
        "members/safeguarding/admin/raised.html",
        {"concern": concern, "can_read_log": perms.can_read_log(request.user)},
    )


admin_urls = [
    path("", log, name="log"),
    path("new/", new, name="new"),
    path("<int:pk>/", detail, name="detail"),
    path("<int:pk>/close/", close, name="close"),
    path("<int:pk>/sent/", raised, name="raised"),
]
