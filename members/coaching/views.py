"""Pairings in the portal, for the Lived Experience Partner and the leader they work with.

Anyone else gets a 404. A partner sees the leader's name and contact details only after
accepting and being introduced (consent before contact); a leader sees the partner's first
name and short bio once introduced.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from home.pagination import get_page
from members.accounts.choices import MemberType
from members.coaching import permissions as perms
from members.coaching import services as services
from members.coaching.forms import (
    AvailabilityForm,
    ClaimForm,
    ReflectionForm,
    RespondForm,
    SessionForm,
    StatusChangeForm,
)
from members.coaching.models import (
    LEADER_VISIBLE,
    Pairing,
    PairingPartner,
    PartnerAvailability,
)
from website import todo
from website.dashboard import Panel

S = Pairing.Status
PORTAL_CRUMB = ("Your portal", "/portal/")

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


def _pairings_for(user):
    """Pairings this person may open: as an invited or accepted partner, or as leader."""
    return (
        Pairing.objects.filter(
            Q(
                partners__partner=user,
                partners__status__in=(
                    PairingPartner.Status.INVITED,
                    PairingPartner.Status.ACCEPTED,
                    PairingPartner.Status.DECLINED,
                ),
            )
            | Q(leader=user, status__in=LEADER_VISIBLE)
        )
        .select_related("region")
        .prefetch_related(
            Prefetch(
                "partners",
                queryset=PairingPartner.objects.select_related("partner__profile"),
                to_attr="_partner_rows",
            )
        )
        .distinct()
    )


def get_pairing_or_404(request, pk):
    pairing = (
        _pairings_for(request.user)
        .select_related("leader", "enquiry", "leader__profile")
        .filter(pk=pk)
        .first()
    )
    if pairing is None or not perms.can_view_pairing(request.user, pairing):
        raise Http404("No such pairing")
    return pairing


def _crumbs(pairing=None):
    items = [PORTAL_CRUMB, ("Your pairings", reverse("members:pairing_list"))]
    if pairing is not None:
        items.append(
            (pairing.reference, reverse("members:pairing_detail", args=[pairing.pk]))
        )
    return items


def _role(user, pairing):
    return "leader" if perms.is_pairing_leader(user, pairing) else "partner"


@login_required
def pairing_list(request):
    """Every pairing the person is part of, newest first."""
    page = get_page(
        _pairings_for(request.user).order_by("-created_at", "-pk"),
        20,
        request.GET.get("page"),
    )
    rows = [
        {"pairing": pairing, "role": _role(request.user, pairing)}
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
    role = _role(user, pairing)
    row = perms.partner_row(user, pairing)
    partner_row = perms.accepted_partner(pairing)
    sessions = list(pairing.sessions.select_related("claim"))
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
        "can_claim": perms.can_claim_expenses(user, pairing)
        and any(not hasattr(s, "claim") for s in sessions),
        "can_reflect": perms.can_reflect(user, pairing)
        and not pairing.reflections.filter(role=role).exists(),
        "actions": actions,
        "sessions": sessions,
        "total_minutes": sum(s.duration_minutes for s in sessions),
        "claims": list(pairing.claims.filter(partner=user).select_related("session"))
        if role == "partner"
        else [],
        "next_step": NEXT_STEPS.get((role, pairing.status)),
        "crumbs": _crumbs(),
    }
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
        {"pairing": pairing, "form": form, "crumbs": _crumbs(pairing)},
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
            "crumbs": _crumbs(pairing),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def pairing_session(request, pk):
    """Record that a session happened: date, length and how you met."""
    pairing = get_pairing_or_404(request, pk)
    if not perms.is_participant(request.user, pairing):
        raise Http404("No such pairing")
    if not perms.can_record_session(request.user, pairing):
        messages.error(
            request, "Sessions can be recorded only while the pairing is running."
        )
        return redirect("members:pairing_detail", pk=pairing.pk)
    form = SessionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_session(pairing, by=request.user, **form.cleaned_data)
            messages.success(request, "Session recorded. Thank you.")
            return redirect("members:pairing_detail", pk=pairing.pk)
        except services.PairingError as error:
            form.add_error(None, str(error))
    return render(
        request,
        "members/pairings/session_form.html",
        {"pairing": pairing, "form": form, "crumbs": _crumbs(pairing)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def pairing_claim(request, pk):
    """The partner claims the session payment and/or expenses for one session."""
    pairing = get_pairing_or_404(request, pk)
    if not perms.can_claim_expenses(request.user, pairing):
        raise Http404("No such pairing")
    form = ClaimForm(
        request.POST if request.method == "POST" else None, pairing=pairing
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_claim(
                pairing,
                partner=request.user,
                session=form.cleaned_data["session"],
                claim_payment=form.cleaned_data.get("claim_payment", False),
                expenses=form.cleaned_data["expenses"],
                description=form.cleaned_data["expenses_description"],
            )
            messages.success(request, "Claim sent. Programme staff will review it.")
            return redirect("members:pairing_detail", pk=pairing.pk)
        except services.PairingError as error:
            form.add_error(None, str(error))
    return render(
        request,
        "members/pairings/claim_form.html",
        {"pairing": pairing, "form": form, "crumbs": _crumbs(pairing)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def pairing_reflect(request, pk):
    """The short reflection at the end, once from each side."""
    pairing = get_pairing_or_404(request, pk)
    role = perms.reflection_role(request.user, pairing)
    if role is None:
        raise Http404("No such pairing")
    if not perms.can_reflect(request.user, pairing):
        messages.error(request, "Reflections open when the pairing has finished.")
        return redirect("members:pairing_detail", pk=pairing.pk)
    if pairing.reflections.filter(role=role).exists():
        messages.info(request, "You have already sent your reflection. Thank you.")
        return redirect("members:pairing_detail", pk=pairing.pk)
    form = ReflectionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_reflection(
                pairing,
                by=request.user,
                role=role,
                data={
                    name: form.cleaned_data[name] for name in ReflectionForm.Meta.fields
                },
            )
            messages.success(request, "Thank you for your reflection.")
            return redirect("members:pairing_detail", pk=pairing.pk)
        except services.PairingError as error:
            form.add_error(None, str(error))
    return render(
        request,
        "members/pairings/reflection_form.html",
        {"pairing": pairing, "form": form, "crumbs": _crumbs(pairing)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_availability(request):
    """A Lived Experience Partner keeps their capacity and areas up to date for matching."""
    profile = getattr(request.user, "profile", None)
    if profile is None or profile.member_type != MemberType.LIVED_EXPERIENCE_PARTNER:
        raise Http404("Only for Lived Experience Partners")
    availability = PartnerAvailability.objects.filter(user=request.user).first()
    if availability is None:
        availability = PartnerAvailability(user=request.user)
    form = AvailabilityForm(
        request.POST if request.method == "POST" else None, instance=availability
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Thank you. Your availability is saved.")
        return redirect("members:pairing_list")
    return render(
        request,
        "members/pairings/availability.html",
        {
            "form": form,
            "crumbs": [
                PORTAL_CRUMB,
                ("Your pairings", reverse("members:pairing_list")),
            ],
        },
    )


# Portal panels (registered in members/wagtail_hooks.py) ---------------------------------


def _panel_rows(request):
    """Fetched once per request and shared by the panel and the "Things to do" item."""
    if not hasattr(request, "_pairing_panel_rows"):
        request._pairing_panel_rows = list(
            _pairings_for(request.user)
            .exclude(status__in=(S.COMPLETED, S.ENDED_EARLY, S.PARTNER_DECLINED))
            .order_by("-created_at")[:5]
        )
    return request._pairing_panel_rows


def pairings_panel(request):
    """Current pairings on the dashboard; nothing for people without one."""
    rows = [
        pairing
        for pairing in _panel_rows(request)
        if perms.can_view_pairing(request.user, pairing)
        and not (
            (row := perms.partner_row(request.user, pairing))
            and row.status == PairingPartner.Status.DECLINED
        )
    ]
    if not rows:
        return None
    return Panel(
        order=8,
        template="members/pairings/panels/my_pairings.html",
        context={
            "rows": [
                {"pairing": pairing, "role": _role(request.user, pairing)}
                for pairing in rows
            ]
        },
    )


def pairing_attention(request):
    """A partner's open invitation is a task on their dashboard."""
    return [
        todo.Todo(
            text=(
                "A leader would like coaching or mentoring from you. Please read about it "
                "and accept or decline."
            ),
            url=reverse("members:pairing_respond", args=[pairing.pk]),
            link_text=f"Respond to {pairing.reference}",
            order=5,
        )
        for pairing in _panel_rows(request)
        if perms.can_respond_to_invitation(request.user, pairing)
    ]
