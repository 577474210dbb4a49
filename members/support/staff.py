"""The staff side, in the admin: programme staff's partner training (completions, what is
running out, recording one), and partner support's debrief requests (the list, one
request with how to reach the partner, marking it arranged or done)."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from home.pagination import get_page
from members.support import debriefs, services, training
from members.support import permissions as perms
from members.support.forms import CompletionForm
from members.support.models import DebriefRequest, TrainingCompletion
from website.views import forbidden

PER_PAGE = 50
S = DebriefRequest.Status
# The statuses in staff's words (the model's labels speak to the partner).
STAFF_LABELS = {
    S.WAITING: "Waiting: get in touch",
    S.ARRANGED: "Arranged",
    S.DONE: "Done",
}
STEPS = {S.ARRANGED: "Mark as arranged", S.DONE: "Mark as done"}


def _refused(request, allowed):
    """A real 403 page (Wagtail would turn PermissionDenied into a redirect), or None."""
    return None if allowed(request.user) else forbidden(request)


@require_GET
def training_index(request):
    """Completions, newest first, or only those running out within 30 days."""
    if refused := _refused(request, perms.can_view_training):
        return refused
    show = "expiring" if request.GET.get("show") == "expiring" else ""
    search = request.GET.get("q", "").strip()[:100]
    rows = (
        training.expiring().order_by("expires_on", "pk")
        if show
        else TrainingCompletion.objects.all()
    )
    if search:
        rows = rows.filter(
            Q(partner__email__icontains=search)
            | Q(partner__first_name__icontains=search)
            | Q(partner__last_name__icontains=search)
        )
    page_obj = get_page(
        rows.select_related("partner", "course"), PER_PAGE, request.GET.get("page")
    )
    return render(
        request,
        "members/support/admin/training.html",
        {
            "page_obj": page_obj,
            "show": show,
            "search": search,
            "can_record": perms.can_record_training(request.user),
            "can_remove": perms.can_remove_training(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
def training_record(request):
    if refused := _refused(request, perms.can_record_training):
        return refused
    form = CompletionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            completion = services.record_completion(
                form.partner,
                form.cleaned_data["course"],
                form.cleaned_data["completed_on"],
                by=request.user,
            )
        except services.TrainingError as refusal:
            form.add_error(None, str(refusal))
        else:
            until = (
                f" It is valid until {completion.expires_on:%d %B %Y}."
                if completion.expires_on
                else " It never needs renewing."
            )
            messages.success(request, f"{completion.course} recorded.{until}")
            return redirect("training_admin:index")
    return render(
        request,
        "members/support/admin/record.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@require_POST
def training_remove(request, pk):
    if refused := _refused(request, perms.can_remove_training):
        return refused
    completion = get_object_or_404(
        TrainingCompletion.objects.select_related("course"), pk=pk
    )
    services.remove_completion(completion)
    messages.success(
        request, f"{completion.course} on {completion.completed_on:%d %B %Y} removed."
    )
    return redirect("training_admin:index")


@require_GET
def debrief_list(request):
    """Open requests, oldest waiting first, or every request with one status."""
    if refused := _refused(request, perms.can_answer_debriefs):
        return refused
    status = request.GET.get("status", "")
    status = status if status in S.values else ""
    rows = debriefs.staff_list(status).order_by("created_at", "pk")
    page_obj = get_page(rows, PER_PAGE, request.GET.get("page"))
    for debrief in page_obj.object_list:
        debrief.staff_status = STAFF_LABELS[debrief.status]
    return render(
        request,
        "members/support/admin/debriefs.html",
        {
            "page_obj": page_obj,
            "status": status,
            "statuses": list(STAFF_LABELS.items()),
        },
    )


@require_http_methods(["GET", "POST"])
def debrief_detail(request, pk):
    """One request: who, after which session, how to reach them; mark it arranged/done."""
    if refused := _refused(request, perms.can_answer_debriefs):
        return refused
    debrief = get_object_or_404(
        DebriefRequest.objects.select_related(
            "partner__profile", "coaching_session__pairing", "event", "handled_by"
        ),
        pk=pk,
    )
    problem = ""
    if request.method == "POST":
        step = request.POST.get("step", "")
        if step not in STEPS:
            problem = "Choose arranged or done."
        else:
            try:
                debriefs.mark(debrief, step, by=request.user)
            except debriefs.DebriefError as refusal:
                problem = str(refusal)
            else:
                messages.success(
                    request, f"Debrief request {debrief.pk} marked as {step}."
                )
                return redirect("debriefs_admin:index")
    return render(
        request,
        "members/support/admin/debrief.html",
        {
            "debrief": debrief,
            "profile": getattr(debrief.partner, "profile", None),
            "staff_status": STAFF_LABELS[debrief.status],
            "steps": [
                (value, STEPS[value]) for value in debriefs.MOVES[debrief.status]
            ],
            "problem": problem,
        },
        status=400 if problem else 200,
    )


training_urls = [
    path("", training_index, name="index"),
    path("record/", training_record, name="record"),
    path("<int:pk>/remove/", training_remove, name="remove"),
]

debrief_urls = [
    path("", debrief_list, name="index"),
    path("<int:pk>/", debrief_detail, name="detail"),
]
