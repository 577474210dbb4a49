"""The organiser's screens for one event: marking attendance on a phone after the event.

`members.events.attendance` decides and writes; this module reads the form and answers.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from members.events import attendance
from members.events.models import Event

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
