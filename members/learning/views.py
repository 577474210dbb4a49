"""A learning set in the portal: the person's sets at /portal/learning/, one set's page
(sessions, facilitators, resources, who else is in it; facilitators also see attendance
and keep a private note per session), and joining from an invitation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from members.learning import invitations, queries, services
from members.learning import permissions as perms
from members.learning import reflections as set_reflections
from members.learning.forms import JoinForm, NoteForm, SetReflectionForm
from members.learning.models import LearningSession, LearningSet

PORTAL_CRUMBS = [("Home", "/"), ("My portal", "/portal/")]
LEARNING_CRUMBS = [*PORTAL_CRUMBS, ("Learning sets", "/portal/learning/")]


@login_required
@require_GET
def my_learning(request):
    return render(
        request,
        "members/learning/index.html",
        {
            "sets": list(queries.sets_for(request.user)),
            "waiting": list(invitations.waiting_for(request.user)),
            "crumbs": PORTAL_CRUMBS,
        },
    )


def _set_for(request, pk):
    """The set and the viewer's role in it; 404 for anyone outside it (staff use the
    admin), so nobody learns which sets exist."""
    learning_set = get_object_or_404(
        LearningSet.objects.select_related("region"), pk=pk
    )
    role = perms.role_in(request.user, learning_set)
    if role is None:
        raise Http404("No such learning set")
    return learning_set, role


@login_required
@require_GET
def learning_set(request, pk):
    learning_set, role = _set_for(request, pk)
    return render(
        request,
        "members/learning/set.html",
        {
            "learning_set": learning_set,
            "role": role,
            **queries.set_page(learning_set, request.user, role),
            "reflection_open": set_reflections.is_over(learning_set),
            "reflected": set_reflections.mine(learning_set, request.user) is not None,
            "crumbs": LEARNING_CRUMBS,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_note(request, pk, number):
    learning_set, role = _set_for(request, pk)
    if role != "facilitator":
        raise Http404("No such page")
    session = get_object_or_404(
        LearningSession.objects.select_related("event"),
        learning_set=learning_set,
        number=number,
    )
    form = NoteForm(
        request.POST if request.method == "POST" else None,
        initial={"note": session.facilitators_note},
    )
    if request.method == "POST" and form.is_valid():
        services.save_note(session, by=request.user, text=form.cleaned_data["note"])
        messages.success(request, f"Your note on session {number} is saved.")
        return redirect("members:learning_set", pk=learning_set.pk)
    return render(
        request,
        "members/learning/note.html",
        {
            "learning_set": learning_set,
            "session": session,
            "form": form,
            "title": f"Note on session {number}",
            "crumbs": [
                *LEARNING_CRUMBS,
                (learning_set.name, f"/portal/learning/{learning_set.pk}/"),
            ],
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def join(request, pk):
    """An invitation to the signed-in person's own address; 404 for anyone else's."""
    invitation = get_object_or_404(
        invitations.waiting_for(request.user).select_related("learning_set__region"),
        pk=pk,
    )
    form = JoinForm(
        request.POST if request.method == "POST" else None,
        initial={"organisation": invitation.organisation},
    )
    if request.method == "POST" and form.is_valid():
        try:
            invitations.accept(
                invitation,
                request.user,
                organisation=form.cleaned_data["organisation"],
                share_with_set=form.cleaned_data["share_with_set"],
                confidence=form.cleaned_data["confidence"],
            )
        except services.LearningError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request, f"You have joined {invitation.learning_set.name}. Welcome."
            )
            return redirect("members:learning_set", pk=invitation.learning_set_id)
    return render(
        request,
        "members/learning/join.html",
        {
            "invitation": invitation,
            "learning_set": invitation.learning_set,
            "form": form,
            "crumbs": LEARNING_CRUMBS,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def set_reflection(request, pk):
    """The short reflection once the last session is over (404 before, and for anyone
    outside the set); sent once."""
    learning_set, role = _set_for(request, pk)
    if not set_reflections.is_over(learning_set):
        raise Http404("Reflections open once the set's last session is over")
    sent = set_reflections.mine(learning_set, request.user)
    form = SetReflectionForm(
        request.POST if request.method == "POST" and sent is None else None,
        leader=role == "leader",
    )
    if request.method == "POST" and sent is None and form.is_valid():
        answers = {
            name: form.cleaned_data[name]
            for name in form.cleaned_data
            if name != "confidence"
        }
        try:
            set_reflections.submit(
                learning_set,
                by=request.user,
                role=role,
                answers=answers,
                confidence=form.cleaned_data.get("confidence"),
            )
        except services.LearningError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, "Thank you: your reflection is sent.")
            return redirect("members:learning_set", pk=learning_set.pk)
    return render(
        request,
        "members/learning/reflection.html",
        {
            "learning_set": learning_set,
            "form": form,
            "sent": sent,
            "crumbs": [
                *LEARNING_CRUMBS,
                (learning_set.name, f"/portal/learning/{learning_set.pk}/"),
            ],
        },
        status=400 if form.errors else 200,
    )
