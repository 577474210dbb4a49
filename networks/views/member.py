"""What members do with a network: join or ask to join, leave, set what they share, and
book network meetings (events of the network, booked through members.events)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from members.events import services as bookings
from networks import forms, permissions
from networks.models import NetworkMembership
from networks.services.meetings import network_events
from networks.services.membership import (
    join_network,
    leave_network,
    registrations_given_up_by_leaving,
)
from networks.views.common import live_network
from website import access_needs

JOIN_MESSAGES = {
    "joined": "You have joined {network}.",
    "requested": "Your request to join {network} has been sent to the co-chairs. "
    "We will email you when they decide.",
    "already_member": "You are already a member of {network}.",
    "already_requested": "You have already asked to join {network}. "
    "The co-chairs will reply soon.",
}


@login_required
def join(request, slug):
    """GET shows the join page (with a note for by-request networks); POST joins or asks."""
    network = live_network(slug)
    if not permissions.can_join_network(request.user, network):
        raise Http404("This network is not taking requests to join")
    if request.method == "POST":
        form = forms.JoinRequestForm(request.POST)
        if form.is_valid():
            outcome = join_network(request.user, network, form.cleaned_data["message"])
            messages.success(
                request, JOIN_MESSAGES[outcome].format(network=network.title)
            )
            return redirect(network.url)
    else:
        form = forms.JoinRequestForm()
    return render(request, "networks/join.html", {"network": network, "form": form})


@login_required
@require_POST
def leave(request, slug):
    """Two POSTs: the first shows what leaving means, only the second ("Yes, leave") acts,
    so one stray click on the network page never ends a membership."""
    network = live_network(slug)
    membership = NetworkMembership.objects.filter(
        network_id=network.pk, user=request.user
    ).first()
    if membership is None:
        return redirect(network.url)
    if request.POST.get("confirm") != "yes":
        return render(
            request,
            "networks/leave_confirm.html",
            {
                "network": network,
                "registrations": list(
                    registrations_given_up_by_leaving(request.user, network)
                ),
            },
        )
    if leave_network(request.user, network):
        messages.success(request, f"You have left {network.title}.")
    return redirect(network.url)


@login_required
def membership_settings(request, slug):
    network = live_network(slug)
    membership = get_object_or_404(
        NetworkMembership, network=network, user=request.user
    )
    if request.method == "POST":
        form = forms.MembershipSettingsForm(request.POST, instance=membership)
        if form.is_valid():
            form.save()
            messages.success(request, "Your choices for this network have been saved.")
            return redirect(network.url)
    else:
        form = forms.MembershipSettingsForm(instance=membership)
    return render(
        request,
        "networks/membership_settings.html",
        {"network": network, "form": form},
    )


def _member_meeting(request, slug, pk):
    network = live_network(slug)
    meeting = get_object_or_404(network_events(network), pk=pk)
    if not permissions.is_network_member(request.user, network):
        raise Http404("Meetings are for network members")
    return network, meeting


@login_required
@sensitive_post_parameters("access_needs")
def meeting_register(request, slug, pk):
    """GET shows the booking page, which offers the member's saved access needs to share
    for this meeting only; POST books the place (or a waiting-list spot)."""
    network, meeting = _member_meeting(request, slug, pk)
    if meeting.is_past:
        messages.error(request, "This meeting has already happened.")
        return redirect(network.url)
    if request.method == "POST":
        form = forms.MeetingBookingForm(request.POST)
        if form.is_valid():
            try:
                booking = bookings.book(
                    meeting, user=request.user, access_needs=form.shared_access_needs
                )
            except bookings.BookingError as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(request, _booked_message(booking, meeting))
            return redirect(network.url + "#meetings")
    else:
        form = forms.MeetingBookingForm(
            initial={"access_needs": access_needs.saved(request.user)}
        )
    return render(
        request,
        "networks/meeting_book.html",
        {
            "network": network,
            "meeting": meeting,
            "form": form,
            "current": bookings.current_booking(request.user, meeting),
            "places_left": bookings.places_left(meeting),
        },
    )


def _booked_message(booking, meeting):
    if booking.status == "confirmed":
        return f"You have a place at “{meeting.title}”."
    return (
        f"“{meeting.title}” is full, so you are on the waiting list. "
        "We will email you if a place comes free."
    )


@login_required
@require_POST
def meeting_cancel(request, slug, pk):
    network, meeting = _member_meeting(request, slug, pk)
    booking = bookings.current_booking(request.user, meeting)
    if booking is not None:
        bookings.cancel(booking)
    messages.success(request, f"You are no longer registered for “{meeting.title}”.")
    return redirect(network.url + "#meetings")
