"""Learning sets in the admin, for programme staff: every set, setting one up with its
facilitators, and one set's page where staff invite leaders, add sessions and share
resources. Everyone else gets a real 403 page."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from home.pagination import get_page
from members.accounts.choices import MemberType
from members.learning import invitations, services
from members.learning import permissions as perms
from members.learning import reflections as set_reflections
from members.learning.forms import InviteForm, ResourceForm, SessionForm, SetForm
from members.learning.models import LearningSet, SetInvitation
from members.learning.queries import set_page
from members.support import training
from website.views import forbidden

PER_PAGE = 30


def partners():
    """(partners, reasons): active Lived Experience Partners, those with in-date training
    first, then by name; and the training reason to show beside each ranked one. Two
    queries however many partners (the choices are read once, when the form is shown)."""
    ranked = (
        get_user_model()
        .objects.filter(
            is_active=True, profile__member_type=MemberType.LIVED_EXPERIENCE_PARTNER
        )
        .annotate(trained=training.has_in_date_training())
        .order_by("-trained", "first_name", "last_name", "pk")
    )
    trained = list(ranked.filter(trained=True).values_list("pk", flat=True)[:500])
    records = training.records_for(trained)
    reasons = {pk: "; ".join(training.reason_lines(records.get(pk))) for pk in trained}
    return ranked, reasons


def _refused(request):
    return None if perms.manages(request.user) else forbidden(request)


@require_GET
def index(request):
    if refused := _refused(request):
        return refused
    page_obj = get_page(
        LearningSet.objects.select_related("region").order_by("-starts_on", "-pk"),
        PER_PAGE,
        request.GET.get("page"),
    )
    return render(
        request,
        "members/learning/admin/index.html",
        {
            "page_obj": page_obj,
            "confidence": set_reflections.confidence_figures(),
            "min_answers": set_reflections.MIN_ANSWERS,
        },
    )


@require_http_methods(["GET", "POST"])
def create(request):
    if refused := _refused(request):
        return refused
    ranked, reasons = partners()
    form = SetForm(
        request.POST if request.method == "POST" else None,
        partners=ranked,
        reasons=reasons,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = [(data["facilitator"], data["bio"])]
        if data.get("second_facilitator"):
            chosen.append((data["second_facilitator"], data["second_bio"]))
        try:
            learning_set = services.create_set(
                by=request.user,
                facilitators=chosen,
                name=data["name"],
                focus=data["focus"],
                region=data["region"],
                format=data["format"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                places=data["places"],
                what_next=data["what_next"],
            )
        except services.LearningError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, "The set is ready: now invite its leaders.")
            return redirect("learning_admin:detail", pk=learning_set.pk)
    return render(
        request,
        "members/learning/admin/form.html",
        {"form": form, "title": "Set up a learning set", "button": "Set it up"},
        status=400 if form.errors else 200,
    )


@require_GET
def detail(request, pk):
    return _detail_page(request, pk)


def _detail_page(request, pk, invite_form=None, session_form=None, resource_form=None):
    if refused := _refused(request):
        return refused
    learning_set = get_object_or_404(
        LearningSet.objects.select_related("region"), pk=pk
    )
    has_errors = any(
        f is not None and f.errors for f in (invite_form, session_form, resource_form)
    )
    return render(
        request,
        "members/learning/admin/detail.html",
        {
            "now": timezone.now(),
            "learning_set": learning_set,
            **set_page(learning_set, request.user, "facilitator"),
            "invited": list(
                SetInvitation.objects.filter(learning_set=learning_set).order_by(
                    "invited_at", "pk"
                )
            ),
            "places_left": invitations.places_left(learning_set),
            "reflections": learning_set.reflections.count(),
            "quotes": set_reflections.quotes_for(learning_set),
            "invite_form": invite_form or InviteForm(),
            "session_form": session_form or SessionForm(),
            "resource_form": resource_form or ResourceForm(),
        },
        status=400 if has_errors else 200,
    )


@require_POST
def invite(request, pk):
    if refused := _refused(request):
        return refused
    learning_set = get_object_or_404(LearningSet, pk=pk)
    form = InviteForm(request.POST)
    if form.is_valid():
        rows, problems = invitations.parse(form.cleaned_data["people"])
        for problem in problems:
            form.add_error("people", problem)
        if not problems:
            try:
                invited = invitations.invite(learning_set, rows, by=request.user)
            except services.LearningError as refusal:
                form.add_error("people", str(refusal))
            else:
                messages.success(
                    request,
                    f"{len(invited)} {'leader' if len(invited) == 1 else 'leaders'} "
                    "invited by email.",
                )
                return redirect("learning_admin:detail", pk=pk)
    return _detail_page(request, pk, invite_form=form)


@require_POST
def add_session(request, pk):
    if refused := _refused(request):
        return refused
    learning_set = get_object_or_404(LearningSet, pk=pk)
    form = SessionForm(request.POST)
    if form.is_valid() and "starts_at" in form.cleaned_data:
        try:
            session = services.add_session(
                learning_set,
                by=request.user,
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.cleaned_data["ends_at"],
                joining_details=form.cleaned_data["joining_details"],
            )
        except services.LearningError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                f"Session {session.number} added; everyone in the set has a place and "
                "has been told.",
            )
            return redirect("learning_admin:detail", pk=pk)
    return _detail_page(request, pk, session_form=form)


@require_POST
def add_resource(request, pk):
    if refused := _refused(request):
        return refused
    learning_set = get_object_or_404(LearningSet, pk=pk)
    form = ResourceForm(request.POST)
    if form.is_valid():
        services.add_resource(
            learning_set,
            by=request.user,
            title=form.cleaned_data["title"],
            url=form.cleaned_data["url"],
        )
        messages.success(request, "Shared with the set.")
        return redirect("learning_admin:detail", pk=pk)
    return _detail_page(request, pk, resource_form=form)


admin_urls = [
    path("", index, name="index"),
    path("new/", create, name="create"),
    path("<int:pk>/", detail, name="detail"),
    path("<int:pk>/invite/", invite, name="invite"),
    path("<int:pk>/sessions/", add_session, name="add_session"),
    path("<int:pk>/resources/", add_resource, name="add_resource"),
]
