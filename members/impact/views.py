"""The person's own equality monitoring page in the portal (`/portal/about-you/`): asked
once with the reason, every question skippable, changeable later, seen by no one else."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from members.impact import services
from members.impact.forms import EqualityForm

PORTAL_CRUMBS = [("Home", "/"), ("My portal", "/portal/")]


@login_required
@require_http_methods(["GET", "POST"])
def about_you(request):
    record = services.equality_answers_of(request.user)
    initial = {}
    if record:
        initial = {
            "age_band": record.age_band,
            "ethnicity": record.ethnicity,
            "disability": record.disability,
            "carer": record.carer,
            "declined": record.declined,
        }
    form = EqualityForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        services.save_equality_answers(
            request.user, declined=form.cleaned_data["declined"], **form.answers()
        )
        messages.success(
            request,
            "Thank you. We will not ask again; you can change your answers here at any time."
            if not form.cleaned_data["declined"]
            else "Thank you. We will not ask you these questions again.",
        )
        return redirect("members:portal")
    return render(
        request,
        "members/impact/about_you.html",
        {"form": form, "record": record, "crumbs": PORTAL_CRUMBS},
        status=400 if form.errors else 200,
    )
