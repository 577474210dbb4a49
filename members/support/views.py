"""The partner's side in the portal: their training record, asking for a debrief after a
session, the debriefs they asked for, and the dashboard panel linking to both."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from home.pagination import get_page
from members.accounts.choices import MemberType
from members.accounts.views.portal import profile_for_request
from members.coaching.views.access import pairing_crumbs
from members.events.models import Event
from members.support import debriefs, training
from members.support.forms import DebriefForm
from members.support.models import TrainingCompletion
from website.dashboard import Panel

PORTAL_CRUMBS = [("Home", "/"), ("Your portal", "/portal/")]


def _is_partner(request):
    profile = profile_for_request(request)
    return (
        profile is not None
        and profile.member_type == MemberType.LIVED_EXPERIENCE_PARTNER
    )


@login_required
@require_GET
def my_training(request):
    """What the partner completed, when, and until when it is valid."""
    today = timezone.localdate()
    soon = today + timedelta(days=training.REMINDER_DAYS)
    rows = list(
        TrainingCompletion.objects.filter(partner=request.user).select_related("course")
    )
    current = training.records_for([request.user.pk]).get(request.user.pk)
    latest = {
        (held.course, held.completed_on)
        for held in (current.in_date + current.expired if current else [])
    }
    for row in rows:
        row.latest = (row.course.name, row.completed_on) in latest
        row.expired = row.expires_on is not None and row.expires_on < today
        row.expiring = (
            row.latest
            and not row.expired
            and (row.expires_on is not None and row.expires_on <= soon)
        )
    return render(
        request,
        "members/support/my_training.html",
        {
            "rows": rows,
            "expiring": [row for row in rows if row.expiring],
            "crumbs": PORTAL_CRUMBS,
        },
    )


@login_required
@require_GET
def my_debriefs(request):
    """The partner's debrief requests and where each one is."""
    page_obj = get_page(debriefs.requests_of(request.user), 20, request.GET.get("page"))
    return render(
        request,
        "members/support/my_debriefs.html",
        {"page_obj": page_obj, "crumbs": PORTAL_CRUMBS},
    )


def _session_from(request):
    """The session named in `?session=` (coaching) or `?event=` (a learning set's), if
    the person took part in it; anything else is a 404."""
    source = request.POST if request.method == "POST" else request.GET
    session_pk, event_pk = source.get("session", ""), source.get("event", "")
    if session_pk.isdigit() and len(session_pk) < 12:
        session = debriefs.session_of(request.user, int(session_pk))
        if session is not None:
            return {"coaching_session": session}
    elif event_pk.isdigit() and len(event_pk) < 12:
        event = Event.objects.filter(pk=int(event_pk)).first()
        if event is not None and debriefs.took_part(request.user, event=event):
            return {"event": event}
    raise Http404("No such session")


def _back_url(session, event):
    """Back to where the person asked from: the pairing, the learning set, or the portal."""
    if session is not None:
        return reverse("members:pairing_detail", args=[session.pairing_id])
    learning_set = debriefs.set_of(event) if event is not None else None
    if learning_set is not None:
        return reverse("members:learning_set", args=[learning_set])
    return reverse("members:portal")


@login_required
@require_http_methods(["GET", "POST"])
def ask_debrief(request):
    """One click from a session opens this short form; everything on it is optional."""
    about = _session_from(request)
    form = DebriefForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            debrief = debriefs.ask(
                request.user,
                note=form.cleaned_data["note"],
                contact_by=form.cleaned_data["contact_by"],
                **about,
            )
        except debriefs.DebriefError as refusal:
            form.add_error(None, str(refusal))
        else:
            if debrief.repeated:
                messages.info(
                    request,
                    "You have already asked for a debrief after this session. Partner "
                    "support staff will be in touch.",
                )
            else:
                messages.success(
                    request,
                    "Thank you. Partner support staff will get in touch within a day.",
                )
            return redirect("members:my_debriefs")
    session = about.get("coaching_session")
    crumbs = pairing_crumbs(session.pairing) if session else PORTAL_CRUMBS
    return render(
        request,
        "members/support/ask_debrief.html",
        {
            "form": form,
            "session": session,
            "event": about.get("event"),
            "back_url": _back_url(session, about.get("event")),
            "crumbs": crumbs,
        },
        status=400 if form.errors else 200,
    )


def support_panel(request):
    """Partners only: links to their training record and their debriefs (no queries
    beyond the profile, which the dashboard reads anyway)."""
    if not _is_partner(request):
        return None
    return Panel(order=9, template="members/support/panels/support.html")
