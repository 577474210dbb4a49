"""The organiser's screens for one event: marking attendance on a phone after the event,
its papers and minutes, and who is invited to an invited-only event.

`members.events.attendance`, `papers` and `invitations` decide and write; this module
reads the forms and answers.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.views.decorators.http import require_POST

from home.pagination import get_page
from members.events import attendance, forms, invitations, papers
from members.events.models import Event, EventAudience, EventInvitation, EventPaper

# More ticks than any event has places is not a form a person sent.
MOST_BOOKINGS = 5000


def _ids(values):
    """Booking ids from the form; None when any value is not one."""
    if len(values) > MOST_BOOKINGS:
        return None
    ids = set()
    for value in values:
        if not value.isdigit() or len(value) > 12:
            return None
        ids.add(int(value))
    return ids


@login_required
def mark_attendance(request, slug):
    """The booking list with a tick for each person who came; saving marks everyone."""
    event = get_object_or_404(Event, slug=slug)
    if not attendance.can_mark(request.user, event):
        raise PermissionDenied("Only the event's organisers can mark attendance.")
    if request.method == "POST":
        attended = _ids(request.POST.getlist("attended"))
        # One field for the whole list: 250 hidden inputs would count against
        # DATA_UPLOAD_MAX_NUMBER_FIELDS as much as the ticks do.
        listed = _ids([v for v in request.POST.get("listed", "").split(",") if v])
        try:
            if attended is None or listed is None:
                raise attendance.AttendanceError(attendance.LIST_CHANGED)
            came, did_not = attendance.mark(
                event, attended=attended, listed=listed, by=request.user
            )
        except attendance.AttendanceError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                f"Attendance saved: {came} came and {did_not} did not.",
            )
        return redirect("members:event_attendance", slug=event.slug)
    refusal = None
    try:
        attendance.check_markable(event)
    except attendance.AttendanceError as error:
        refusal = str(error)
    return render(
        request,
        "members/events/attendance.html",
        {
            "event": event,
            "bookings": [] if refusal else attendance.attendance_list(event),
            "figures": attendance.figures(event),
            "refusal": refusal,
            "crumbs": [("Home", "/"), ("Events", "/events/")],
        },
    )


def _organised_event(request, slug):
    event = get_object_or_404(Event, slug=slug)
    if not papers.can_manage(request.user, event):
        raise PermissionDenied("Only the event's organisers can look after its papers.")
    return event


def _organised_item(request, slug, model, pk):
    """One of the event's papers or invitations, for its organisers only."""
    event = _organised_event(request, slug)
    item = get_object_or_404(model, event=event, pk=pk)
    item.event = event
    return event, item


@login_required
def event_papers(request, slug):
    """The event's papers and minutes, with a form to add one."""
    event = _organised_event(request, slug)
    form = forms.PaperForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            paper, told = papers.add(
                event,
                upload=data["file"],
                title=data["title"],
                kind=data["kind"],
                visibility=data["visibility"],
                by=request.user,
                tell=data["tell"],
            )
        except papers.PaperError as refusal:
            form.add_error(None, str(refusal))
        else:
            emailing = (
                f" We are emailing {told} {pluralize(told, 'person,people')} with a place."
                if told
                else ""
            )
            messages.success(request, f"“{paper.title}” added.{emailing}")
            return redirect("members:event_papers", slug=event.slug)
    listed, _ = papers.for_page(request.user, event)
    return render(
        request,
        "members/events/papers.html",
        {
            "event": event,
            "form": form,
            "papers": listed,
            "most": papers.MOST_PAPERS,
            "crumbs": [("Home", "/"), ("Events", "/events/")],
        },
    )


@login_required
@require_POST
def remove_paper(request, slug, pk):
    event, paper = _organised_item(request, slug, EventPaper, pk)
    papers.remove(paper, by=request.user)
    messages.success(request, f"“{paper.title}” removed.")
    return redirect("members:event_papers", slug=event.slug)


INVITED_PER_PAGE = 50


@login_required
def event_invitations(request, slug):
    """Who is invited to an invited-only event, with a form to invite more."""
    event = _organised_event(request, slug)
    if event.audience != EventAudience.INVITED:
        raise Http404("Only an invited-only event has a list of invitations")
    form = forms.InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            added, already = invitations.invite(
                event, form.cleaned_data["addresses"], by=request.user
            )
        except invitations.InvitationError as refusal:
            form.add_error("addresses", str(refusal))
        else:
            told = f"{len(added)} {pluralize(len(added), 'person,people')} invited"
            if already:
                told += f"; {already} already had an invitation"
            messages.success(request, f"{told}. We are emailing each new person.")
            return redirect("members:event_invitations", slug=event.slug)
    page_obj = get_page(
        invitations.listed(event), INVITED_PER_PAGE, request.GET.get("page")
    )
    return render(
        request,
        "members/events/invitations.html",
        {
            "event": event,
            "form": form,
            "page_obj": page_obj,
            "most": invitations.MOST_AT_ONCE,
            "crumbs": [("Home", "/"), ("Events", "/events/")],
        },
    )


@login_required
@require_POST
def remove_invitation(request, slug, pk):
    event, invitation = _organised_item(request, slug, EventInvitation, pk)
    invitations.remove(invitation, by=request.user)
    messages.success(request, f"{invitation.email} is no longer invited.")
    return redirect("members:event_invitations", slug=event.slug)
