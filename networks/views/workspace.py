"""The co-chair workspace at /portal/networks/<slug>/: updates, join requests, members,
meetings and enquiries routed to the network. Only current co-chairs of that network."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from home.pagination import get_page
from members.events.models import BookingStatus, Event
from networks import forms, terms
from networks.models import CoChairUpdate, JoinRequest
from networks.models.enquiries import NetworkEnquiryNote
from networks.models.membership import JoinRequestStatus
from networks.models.updates import UpdateStatus
from networks.services.errors import NetworkActionError
from networks.services.meetings import (
    add_meeting,
    bookings_of,
    cancel_meeting,
    change_meeting,
    network_events,
    upcoming_meetings,
)
from networks.services.membership import decide_join_request, member_directory
from networks.services.routed_enquiries import (
    enquiry_status_choices,
    network_enquiries,
    update_enquiry,
)
from networks.services.updates import (
    save_update,
    store_update_image,
    withdraw_update,
)
from networks.views.common import network_for_cochair
from website.uploads import STORAGE_FAILED

LIST_LIMIT = 20
# Recent meetings, where co-chairs mark attendance and add the minutes.
PAST_MEETINGS = 5

logger = logging.getLogger(__name__)


@login_required
def workspace(request, slug):
    """The co-chairs' overview of their network; every list is capped or paginated."""
    network = network_for_cochair(request, slug)
    updates = CoChairUpdate.objects.filter(network=network).select_related("author")
    open_updates = list(
        updates.filter(
            status__in=[
                UpdateStatus.DRAFT,
                UpdateStatus.AWAITING_MODERATION,
                UpdateStatus.RETURNED,
            ]
        ).order_by("-updated_at")[:LIST_LIMIT]
    )
    published = list(
        updates.filter(status=UpdateStatus.PUBLISHED).order_by("-published_at")[:10]
    )
    join_requests = list(
        JoinRequest.objects.filter(network=network, status=JoinRequestStatus.PENDING)
        .select_related("user")
        .order_by("created_at")[:LIST_LIMIT]
    )
    meetings = list(
        upcoming_meetings(network).annotate(
            confirmed_count=Count(
                "bookings",
                filter=Q(
                    bookings__status__in=(
                        BookingStatus.CONFIRMED,
                        BookingStatus.OFFERED,
                    )
                ),
            ),
            waiting_count=Count(
                "bookings", filter=Q(bookings__status=BookingStatus.WAITING)
            ),
        )[:LIST_LIMIT]
    )
    past_meetings = list(
        network_events(network)
        .filter(ends_at__lt=timezone.now())
        .order_by("-starts_at", "-pk")[:PAST_MEETINGS]
    )
    enquiries = network_enquiries(network)
    context = {
        "network": network,
        "cochairs": list(terms.current_cochair_terms(network)),
        "open_updates": open_updates,
        "published_updates": published,
        "join_requests": join_requests,
        "join_request_count": JoinRequest.objects.filter(
            network=network, status=JoinRequestStatus.PENDING
        ).count(),
        "members": list(member_directory(network)[:LIST_LIMIT]),
        "member_count": network.memberships.count(),
        "meetings": meetings,
        "past_meetings": past_meetings,
        "enquiries_available": enquiries is not None,
        "enquiries": list(enquiries[:LIST_LIMIT]) if enquiries is not None else [],
    }
    return render(request, "networks/workspace.html", context)


@login_required
def members(request, slug):
    """All members of the network, showing only what each chose to share."""
    network = network_for_cochair(request, slug)
    page_obj = get_page(member_directory(network), 50, request.GET.get("page"))
    return render(
        request,
        "networks/workspace_members.html",
        {"network": network, "page_obj": page_obj, "members": page_obj.object_list},
    )


@login_required
def update_form(request, slug, pk=None):
    """Write a new update or edit an existing one; saving keeps a revision."""
    network = network_for_cochair(request, slug)
    update = None
    if pk is not None:
        update = get_object_or_404(CoChairUpdate, pk=pk, network=network)
        if update.status == UpdateStatus.WITHDRAWN:
            raise Http404("Withdrawn updates cannot be edited")
    has_image = bool(update and update.image_id)
    if request.method == "POST":
        form = forms.UpdateForm(request.POST, request.FILES, has_image=has_image)
        image = None
        if form.is_valid() and form.cleaned_data.get("image"):
            try:
                with transaction.atomic():  # a savepoint: the failed save leaves no row
                    image = store_update_image(
                        request.user, network, form.cleaned_data["image"]
                    )
            except OSError as error:
                # Disk full or storage down (UP-5): say so, and save nothing.
                logger.error("A co-chair's photo could not be stored: %s", error)
                form.add_error("image", STORAGE_FAILED)
        if form.is_valid():
            data = form.cleaned_data
            if image is None and has_image and not data.get("remove_image"):
                image = update.image
            update = save_update(
                request.user,
                network,
                update=update,
                title=data["title"],
                body=data["body"],
                visibility=data["visibility"],
                publish="publish" in request.POST,
                image=image,
                image_alt=data.get("image_alt", ""),
            )
            messages.success(request, _saved_message(update))
            return redirect("networks:workspace", slug=network.slug)
    else:
        initial = {}
        if update:
            initial = {
                "title": update.title,
                "body": update.body,
                "visibility": update.visibility,
                "image_alt": update.image_alt,
            }
        form = forms.UpdateForm(initial=initial, has_image=has_image)
    return render(
        request,
        "networks/update_form.html",
        {"network": network, "form": form, "update": update},
    )


def _saved_message(update):
    if update.status == UpdateStatus.PUBLISHED:
        return f"“{update.title}” is published on the network page."
    if update.status == UpdateStatus.AWAITING_MODERATION:
        return (
            f"“{update.title}” has been sent to programme staff to check. "
            "It will appear once they approve it."
        )
    return f"“{update.title}” is saved as a draft."


@login_required
@require_POST
def update_withdraw(request, slug, pk):
    network = network_for_cochair(request, slug)
    update = get_object_or_404(CoChairUpdate, pk=pk, network=network)
    try:
        withdraw_update(request.user, update)
    except NetworkActionError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request, f"“{update.title}” has been withdrawn and is no longer shown."
        )
    return redirect("networks:workspace", slug=network.slug)


@login_required
@require_POST
def join_request_decide(request, slug, pk):
    network = network_for_cochair(request, slug)
    join_request = get_object_or_404(
        JoinRequest.objects.select_related("user"), pk=pk, network=network
    )
    form = forms.DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose approve or decline.")
        return redirect("networks:workspace", slug=network.slug)
    approve = form.cleaned_data["decision"] == "approve"
    try:
        decide_join_request(request.user, join_request, approve)
    except NetworkActionError as exc:
        messages.error(request, str(exc))
    else:
        name = join_request.user.display_name
        messages.success(
            request,
            f"{name} is now a member of the network."
            if approve
            else f"You declined {name}'s request. They have been told by email.",
        )
    return redirect("networks:workspace", slug=network.slug)


@login_required
def meeting_form(request, slug, pk=None):
    """Add a meeting, or change an upcoming one (booked members are emailed what changed)."""
    network = network_for_cochair(request, slug)
    meeting = None
    if pk is not None:
        meeting = _upcoming_meeting(network, pk)
    if request.method == "POST":
        form = forms.MeetingForm(request.POST, instance=_copy(meeting))
        if form.is_valid():
            if meeting is None:
                meeting = add_meeting(request.user, network, **form.cleaned_data)
                messages.success(request, f"“{meeting.title}” has been added.")
                return redirect("networks:workspace", slug=network.slug)
            try:
                changes = change_meeting(
                    request.user, network, meeting, **form.cleaned_data
                )
            except NetworkActionError as refused:
                form.add_error("capacity", str(refused))
            else:
                messages.success(request, _changed_message(form.cleaned_data, changes))
                return redirect("networks:workspace", slug=network.slug)
    else:
        form = forms.MeetingForm(instance=meeting)
    return render(
        request,
        "networks/meeting_form.html",
        {"network": network, "form": form, "meeting": meeting},
    )


def _upcoming_meeting(network, pk):
    """Meetings that have happened, or were cancelled, are history: not changed again."""
    meeting = get_object_or_404(network_events(network), pk=pk)
    if meeting.is_past or meeting.status != "scheduled":
        raise Http404("This meeting has already happened or was cancelled")
    return meeting


def _copy(meeting):
    # The form writes into its instance while validating; a copy keeps the stored values
    # for the service to compare against.
    return None if meeting is None else Event.objects.get(pk=meeting.pk)


def _changed_message(data, changes):
    if not changes:
        return "Nothing was changed."
    return (
        f"“{data['title']}” has been changed. Members with a place or on the waiting "
        "list have been emailed what changed."
    )


@login_required
def meeting_cancel_by_cochair(request, slug, pk):
    """GET asks, with who is booked; only the POST cancels."""
    network = network_for_cochair(request, slug)
    meeting = _upcoming_meeting(network, pk)
    if request.method == "POST":
        told = cancel_meeting(request.user, network, meeting)
        messages.success(
            request,
            f"“{meeting.title}” has been cancelled."
            + (f" {told} booked members have been emailed." if told else ""),
        )
        return redirect("networks:workspace", slug=network.slug)
    booked = bookings_of(meeting).count()
    return render(
        request,
        "networks/meeting_cancel.html",
        {"network": network, "meeting": meeting, "booked": booked},
    )


@login_required
def meeting_registrations(request, slug, pk):
    network = network_for_cochair(request, slug)
    meeting = get_object_or_404(network_events(network), pk=pk)
    page_obj = get_page(bookings_of(meeting), 100, request.GET.get("page"))
    return render(
        request,
        "networks/meeting_registrations.html",
        {
            "network": network,
            "meeting": meeting,
            "page_obj": page_obj,
            "now": timezone.now(),
        },
    )


@login_required
def enquiry_detail(request, slug, pk):
    """An enquiry routed to this network: co-chairs update its status and add notes."""
    network = network_for_cochair(request, slug)
    enquiry = get_object_or_404(network_enquiries(network), pk=pk)
    form_kwargs = {"statuses": enquiry_status_choices(enquiry, request.user)}
    if request.method == "POST":
        form = forms.EnquiryUpdateForm(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                update_enquiry(
                    request.user,
                    network,
                    enquiry,
                    form.cleaned_data["status"],
                    form.cleaned_data["note"],
                )
            except NetworkActionError as refused:
                messages.error(request, str(refused))
            else:
                messages.success(request, "The enquiry has been updated.")
            return redirect("networks:enquiry_detail", slug=network.slug, pk=enquiry.pk)
    else:
        form = forms.EnquiryUpdateForm(
            initial={"status": enquiry.status}, **form_kwargs
        )
    notes = NetworkEnquiryNote.objects.filter(
        network=network, enquiry_id=enquiry.pk
    ).select_related("author")
    return render(
        request,
        "networks/enquiry_detail.html",
        {"network": network, "enquiry": enquiry, "form": form, "notes": notes},
    )
