"""The member's events in the portal: bookings, cancelling, the private calendar feed,
and the dashboard panel."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from members.events import services, views
from members.events.models import EventBooking
from website.dashboard import Panel

PORTAL_CRUMBS = [("Home", "/"), ("My portal", "/portal/")]


@login_required
def my_events(request):
    """Upcoming bookings with a cancel button, past events booked, the private feed."""
    now = timezone.now()
    bookings = list(services.member_bookings(request.user)[:200])
    feed = services.feed_for(request.user)
    return render(
        request,
        "members/events/my_events.html",
        {
            "offers": [b for b in bookings if b.is_offered and b.event.ends_at >= now],
            "upcoming": [b for b in bookings if b.event.ends_at >= now],
            "past": [b for b in bookings if b.event.ends_at < now][::-1],
            "feed_url": request.build_absolute_uri(f"/events/feed/{feed.token}.ics"),
            "portal_crumbs": PORTAL_CRUMBS,
        },
    )


@login_required
@require_POST
def cancel_my_booking(request, pk):
    booking = get_object_or_404(EventBooking, pk=pk, user=request.user)
    try:
        services.cancel(booking)
    except services.BookingError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request, f"Your booking for “{booking.event.title}” is cancelled."
        )
    return redirect("members:my_events")


@login_required
@require_POST
def confirm_my_offer(request, pk):
    """The member takes the place offered to them from the waiting list."""
    booking = get_object_or_404(EventBooking, pk=pk, user=request.user)
    views.confirm_offered_place(request, booking)
    return redirect("members:my_events")


@login_required
@require_POST
def reset_feed(request):
    services.reset_feed(request.user)
    messages.success(
        request,
        "Your calendar address has changed. The old one no longer works: subscribe "
        "again with the new one.",
    )
    return redirect("members:my_events")


def my_events_panel(request):
    """The next three events the member booked (one query)."""
    if not request.user.is_authenticated:
        return None
    # Only what the panel shows: an event row carries its whole description.
    bookings = list(
        services.member_bookings(request.user)
        .filter(event__ends_at__gte=timezone.now())
        .only("status", "event__slug", "event__title", "event__starts_at")[:3]
    )
    return Panel(
        order=33,
        template="members/events/panels/my_events.html",
        context={"bookings": bookings},
    )
