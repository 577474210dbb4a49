"""The pairing list, one pairing as this person may see it, and the moves they make on it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from home.pagination import get_page
from members.accounts.choices import MemberType
from members.coaching import permissions as perms
from members.coaching import reflections, services
from members.coaching.forms import (
    RespondForm,
    StatusChangeForm,
)
from members.coaching.models import (
    LEADER_VISIBLE,
    Pairing,
    PairingPartner,
)
from members.coaching.views.access import (
    PORTAL_CRUMB,
    get_pairing_or_404,
    pairing_crumbs,
    pairings_for,
    viewer_role,
)
from members.payments import sources
from members.support import debriefs

S = Pairing.Status

NEXT_STEPS = {
    ("partner", S.PARTNER_INVITED): (
        "Read what the leader wants to work on, then accept or decline. You do not have "
        "to give a reason."
    ),
    ("partner", S.PARTNER_ACCEPTED): (
        "Thank you for accepting. Programme staff will introduce you to the leader by "
        "email, usually within a week."
    ),
    ("partner", S.INTRODUCED): (
        "Get in touch with the leader to arrange your first session, then record it here."
    ),
    ("leader", S.INTRODUCED): (
        "Your partner will get in touch to arrange your first session. After each "
        "session, either of you can record it here."
    ),
    ("partner", S.ACTIVE): "Record each session after it happens.",
    ("leader", S.ACTIVE): "Record each session after it happens.",
    ("partner", S.PAUSED): "The pairing is paused. Resume it when you are both ready.",
    ("leader", S.PAUSED): "The pairing is paused. Resume it when you are both ready.",
    ("partner", S.COMPLETED): "Please tell us how it went in a short reflection.",
    ("leader", S.COMPLETED): "Please tell us how it went in a short reflection.",
    (
        "partner",
        S.ENDED_EARLY,
    ): "The pairing has ended. A short reflection helps us learn.",
    (
        "leader",
        S.ENDED_EARLY,
    ): "The pairing has ended. A short reflection helps us learn.",
}


@login_required
def pairing_list(request):
    """Every pairing the person is part of, newest first."""
    page = get_page(
        pairings_for(request.user).order_by("-created_at", "-pk"),
        20,
        request.GET.get("page"),
    )
    rows = [
        {"pairing": pairing, "role": viewer_role(request.user, pairing)}
        for pairing in page.object_list
    ]
    return render(
        request,
        "members/pairings/pairing_list.html",
        {
            "page_obj": page,
            "rows": rows,
            "crumbs": [PORTAL_CRUMB],
            "is_partner": getattr(
                getattr(request.user, "profile", None), "member_type", ""
            )
            == MemberType.LIVED_EXPERIENCE_PARTNER,
        },
    )


@login_required
def pairing_detail(request, pk):
    """The pairing as this person may see it: consent decides what the partner sees."""
    pairing = get_pairing_or_404(request, pk)
    user = request.user
    role = viewer_role(user, pairing)
    row = perms.partner_row(user, pairing)
    partner_row = perms.accepted_partner(pairing)
    sessions = list(pairing.sessions.all())
    if role == "partner":
        claims = sources.claims_for_sessions([s.pk for s in sessions], person=user)
        # The partner's own debrief requests; never read for the leader.
        asked = debriefs.for_sessions(user, [s.pk for s in sessions])
        for session in sessions:
            session.my_claim = claims.get(session.pk)
            session.my_debrief = asked.get(session.pk)
    finished = perms.can_reflect(user, pairing)
    mine, theirs = reflections.for_viewer(pairing, role) if finished else (None, None)
    actions = [
        (action, rule.label)
        for action, rule in services.TRANSITIONS.items()
        if rule.participants
        and perms.can_change_pairing_status(user, pairing, action)
        and (action != "end_early" or pairing.status in LEADER_VISIBLE)
    ]
    context = {
        "pairing": pairing,
        "role": role,
        "my_row": row,
        "partner": partner_row.partner if partner_row and role == "leader" else None,
        "show_contact": perms.can_see_leader_contact(user, pairing),
        "can_respond": perms.can_respond_to_invitation(user, pairing),
        "can_record_session": perms.can_record_session(user, pairing),
        "can_reflect": finished and mine is None,
        "finished": finished,
        "my_reflection": mine,
        "their_reflection": theirs,
        "actions": actions,
        "sessions": sessions,
        "total_minutes": sum(s.duration_minutes for s in sessions),
        "next_step": NEXT_STEPS.get((role, pairing.status)),
        "crumbs": pairing_crumbs(),
    }
    if mine is not None:
        # Answered: the prompt gives way to a thank-you.
        context["next_step"] = "You sent your reflection. Thank you."
    if row is not None and row.status == PairingPartner.Status.DECLINED:
        context["next_step"] = (
            "You declined this pairing. Thank you for letting us know."
        )
    return render(request, "members/pairings/pairing_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def pairing_respond(request, pk):
    """The proposed partner accepts or declines; refused once they have answered."""
    pairing = get_pairing_or_404(request, pk)
    if perms.partner_row(request.user, pairing) is None:
        raise Http404("No such pairing")
    form = RespondForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not perms.can_respond_to_invitation(request.user, pairing):
            messages.error(request, _refusal(request.user, pairing))
            return redirect("members:pairing_detail", pk=pairing.pk)
        if form.is_valid():
            try:
                if form.cleaned_data["decision"] == "accept":
                    services.accept_pairing(
                        pairing, request.user, form.cleaned_data["reason"]
                    )
                    messages.success(
                        request,
                        "You have accepted this pairing. Thank you.",
                    )
                else:
                    services.decline_pairing(
                        pairing, request.user, form.cleaned_data["reason"]
                    )
                    messages.success(
                        request, "Thank you. We have let programme staff know."
                    )
            except services.PairingError as error:
                messages.error(request, str(error))
            return redirect("members:pairing_detail", pk=pairing.pk)
    return render(
        request,
        "members/pairings/respond.html",
        {"pairing": pairing, "form": form, "crumbs": pairing_crumbs(pairing)},
    )


def _refusal(user, pairing):
    row = perms.partner_row(user, pairing)
    if row and row.status == PairingPartner.Status.ACCEPTED:
        return "You have already accepted this pairing."
    if row and row.status == PairingPartner.Status.DECLINED:
        return "You declined this pairing, so it can no longer be accepted."
    return "This invitation is no longer open."


@login_required
@require_http_methods(["GET", "POST"])
def pairing_status(request, pk, action):
    """Pause, resume, complete or end early, from either side."""
    pairing = get_pairing_or_404(request, pk)
    rule = services.TRANSITIONS.get(action)
    if rule is None or not perms.is_participant(request.user, pairing):
        raise Http404("No such action")
    form = StatusChangeForm(
        request.POST if request.method == "POST" else None, action=action
    )
    if request.method == "POST":
        if not perms.can_change_pairing_status(request.user, pairing, action):
            messages.error(
                request,
                f"This pairing is {pairing.get_status_display().lower()}, so you "
                f"cannot {rule.label.lower()} now. Nothing was changed.",
            )
            return redirect("members:pairing_detail", pk=pairing.pk)
        if form.is_valid():
            try:
                pairing = services.change_status(
                    pairing, action, by=request.user, note=form.cleaned_data["note"]
                )
                messages.success(
                    request,
                    f"The pairing is now {pairing.get_status_display().lower()}.",
                )
            except services.PairingError as error:
                messages.error(request, str(error))
            return redirect("members:pairing_detail", pk=pairing.pk)
    return render(
        request,
        "members/pairings/status_change.html",
        {
            "pairing": pairing,
            "form": form,
            "action": action,
            "rule": rule,
            "crumbs": pairing_crumbs(pairing),
        },
    )
