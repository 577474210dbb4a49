"""Public event pages and booking; the visitor's manage-by-token page.

Views stay thin: `members.events.services` decides and writes.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST

from home.pagination import get_page
from members.events import calendar, forms, invitations, owners, papers, services
from members.events.models import BookingStatus, Event, EventAudience, EventPaper
from website import access_needs
from website.spam import RateLimit, client_ip, ip_key

EVENTS_PER_PAGE = 20
CRUMBS = [("Home", "/"), ("Events", "/events/")]


def _listing(request, *, past):
    events = services.past(request.user) if past else services.upcoming(request.user)
    filters = forms.EventFilterForm(request.GET or None, past=past)
    events = filters.filtered(events) if request.GET else events
    page_obj = get_page(events, EVENTS_PER_PAGE, request.GET.get("page"))
    query = urlencode(
        [(k, v) for k, v in request.GET.items() if k != "page" and len(v) < 100]
    )
    return render(
        request,
        "members/events/event_list.html",
        {
            "events": list(page_obj.object_list),
            "page_obj": page_obj,
            "query": query,
            "filters": filters,
            "past": past,
            "crumbs": CRUMBS[:1] + [("Events", "/events/")],
        },
    )


def event_list(request):
    """Upcoming events (members also see members-only ones), filtered and paginated."""
    return _listing(request, past=False)


def past_events(request):
    return _listing(request, past=True)


def _event_or_404(request, slug):
    return get_object_or_404(
        services.visible_to(request.user).select_related("region"), slug=slug
    )


def _event_and_invitation(request, slug):
    """The event, and the invitation whose link was followed (GET) or carried by the
    form (POST): its token opens an invited-only event to someone not signed in."""
    token = request.POST.get("invitation") or request.GET.get("invitation")
    event = (
        services.visible_to(request.user)
        .select_related("region")
        .filter(slug=slug)
        .first()
    )
    invitation = None
    if token:
        invited = event or (
            Event.objects.select_related("region")
            .filter(slug=slug, audience=EventAudience.INVITED)
            .first()
        )
        invitation = invited and invitations.by_token(invited, token)
        if invitation:
            event = invited
    if event is None:
        raise Http404("No event here")
    return event, invitation or None


@require_http_methods(["GET", "HEAD", "POST"])
def event_detail(request, slug):
    """One event: when, where, access information, places left and the booking form."""
    event, invitation = _event_and_invitation(request, slug)
    here = event.get_absolute_url()
    if invitation:
        here += "?" + urlencode({"invitation": invitation.token})
    member = request.user.is_authenticated
    form_class = forms.MemberBookingForm if member else forms.VisitorBookingForm
    if request.method == "POST":
        data = request.POST.copy()
        if invitation and not member:
            data["email"] = invitation.email  # the invited address books
        form = form_class(data)
        if form.is_valid():
            if member:
                fields = {
                    "user": request.user,
                    "access_needs": form.shared_access_needs,
                    "invitation": invitation,
                }
            else:
                fields = {**form.cleaned_data, "invitation": invitation}
                ip = ip_key(client_ip(request))
                if VISITOR_LIMIT.is_exceeded(ip):
                    messages.error(request, TOO_MANY)
                    return redirect(here)
            try:
                booking = services.book(event, **fields)
            except services.BookingError as refusal:
                messages.error(request, str(refusal))
                return redirect(here)
            if member:
                messages.success(request, _booked_message(booking))
            else:
                VISITOR_LIMIT.hit(ip)
                messages.success(request, VISITOR_BOOKED.format(email=fields["email"]))
            return redirect(here)
    elif member:
        form = form_class(initial={"access_needs": access_needs.saved(request.user)})
    else:
        form = form_class(initial={"email": invitation.email if invitation else ""})
    booking = services.current_booking(request.user, event)
    organiser = member and papers.can_manage(request.user, event)
    network_only = event.audience == EventAudience.NETWORK
    readable, members_only = papers.for_page(request.user, event, organiser=organiser)
    return render(
        request,
        "members/events/event_detail.html",
        {
            "event": event,
            "form": form,
            "booking": booking,
            "show_joining": bool(booking and booking.status == BookingStatus.CONFIRMED),
            "places_left": services.places_left(event),
            "bookable": event.status == "scheduled" and not event.is_past,
            "organiser": organiser,
            "invitation": invitation,
            "here": here,
            "owner": owners.linked(event),
            "may_book": not network_only
            or (member and owners.may_book(request.user, event)),
            "can_mark_attendance": organiser and event.starts_at <= timezone.now(),
            "papers": readable,
            "members_only_papers": members_only,
            "crumbs": CRUMBS,
        },
    )


# Visitors book by email with no account: a few bookings an hour from one address is plenty,
# and the limit stops the form being used to send mail to strangers.
VISITOR_LIMIT = RateLimit("event-booking-ip", 10)
TOO_MANY = (
    "You have made several bookings in a short time from this connection. "
    "Please try again in an hour, or contact us if you need help."
)
# The same answer whether or not the address had booked already: the form must not tell
# anyone who has booked an event.
VISITOR_BOOKED = (
    "Thank you. We have emailed {email} with your booking and a link to change or "
    "cancel it. If it does not arrive in a few minutes, check your spam folder."
)


def _booked_message(booking):
    title = booking.event.title
    if booking.status == BookingStatus.CONFIRMED:
        return f"You have a place at “{title}”. We have emailed you the details."
    return (
        f"“{title}” is full, so you are on the waiting list. "
        "We will email you if a place comes free."
    )


@require_http_methods(["GET", "HEAD", "POST"])
def manage_booking(request, token):
    """A visitor's booking, reached from the link in their email; POST cancels it."""
    booking = services.booking_by_token(token)
    if booking is None:
        return render(request, "members/events/bad_link.html", status=404)
    if request.method == "POST":
        try:
            services.cancel(booking)
        except services.BookingError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, "Your booking is cancelled. Thank you for telling us."
            )
        return redirect("members:event_manage_booking", token=booking.token)
    return render(
        request,
        "members/events/manage_booking.html",
        {"booking": booking, "event": booking.event},
    )


@require_POST
def confirm_offer(request, token):
    """A visitor takes the place offered to them, from their manage link."""
    booking = services.booking_by_token(token)
    if booking is None:
        return render(request, "members/events/bad_link.html", status=404)
    confirm_offered_place(request, booking)
    return redirect("members:event_manage_booking", token=booking.token)


CONFIRMED = "Your place is confirmed. We have emailed you the details{joining}."


def confirm_offered_place(request, booking):
    """Shared by the visitor's link and the member's portal: confirm and say so."""
    try:
        booking = services.confirm_offer(booking)
    except services.BookingError as refusal:
        messages.error(request, str(refusal))
    else:
        joining = ", with the joining link" if booking.event.joining_link else ""
        messages.success(request, CONFIRMED.format(joining=joining))


def events_calendar(request):
    """The public upcoming events as an .ics (no joining links)."""
    events = services.upcoming(None)[:500]
    return calendar.calendar_response(
        request, "Voices events", events, filename="voices-events"
    )


def event_calendar(request, slug):
    event, _ = _event_and_invitation(request, slug)
    booking = services.current_booking(request.user, event)
    joining = {event.pk} if booking and booking.status == "confirmed" else set()
    return calendar.calendar_response(
        request, event.title, [event], joining=joining, filename=f"event-{event.pk}"
    )


def private_feed(request, token):
    """A member's private feed: only their confirmed bookings, with joining links."""
    bookings = services.feed_bookings(token)
    if bookings is None:
        raise Http404("This calendar address no longer works.")
    events = [b.event for b in bookings]
    response = calendar.calendar_response(
        request,
        "My Voices events",
        events,
        joining={e.pk for e in events},
        filename="my-events",
    )
    # Joining links for one person: never kept by the page cache or a shared proxy.
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_http_methods(["GET", "HEAD"])
def download_paper(request, slug, pk, name):
    """A paper's file, as a download, for whoever may read it; members-only papers are
    never kept by a browser or proxy cache."""
    event = _event_or_404(request, slug)
    paper = get_object_or_404(EventPaper, event=event, pk=pk)
    paper.event = event
    if not papers.may_read(request.user, paper):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied("This paper is for members only.")
    try:
        handle = paper.file.open("rb")
    except OSError as missing:
        raise Http404("The file of this paper is missing.") from missing
    response = FileResponse(handle, as_attachment=True, filename=paper.download_name)
    if paper.is_public:
        patch_cache_control(response, no_cache=True)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response
