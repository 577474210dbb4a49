"""Enquiries routed to a network. The enquiry is owned by members.enquiries and changes
only through its services; networks adds co-chairs' notes."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from members.enquiries import services as enquiry_services
from members.enquiries.models import Enquiry
from networks.models.enquiries import NetworkEnquiryNote
from networks.models.membership import NetworkCoChair
from networks.services.errors import NetworkActionError
from networks.terms import current_terms_q
from website.workflow import TransitionNotAllowed


def network_enquiries(network):
    """Enquiries sent to this network; spam never reaches co-chairs."""
    return (
        Enquiry.objects.filter(network_page_id=network.pk)
        .exclude(status=Enquiry.Status.SPAM)
        .order_by("-pk")
    )


def enquiry_status_choices(enquiry, cochair):
    """The enquiry's status now, then the moves its workflow lets this co-chair make."""
    labels = dict(Enquiry.Status.choices)
    targets = enquiry_services.next_statuses(enquiry, cochair)
    return [(enquiry.status, labels[enquiry.status])] + [
        (target, labels[target]) for target in targets
    ]


@transaction.atomic
def update_enquiry(cochair, network, enquiry, status, note):
    """A co-chair moves a routed enquiry on (through the enquiries workflow, so the move
    is checked, stamped and in the history) and leaves a note for co-chairs and staff."""
    if enquiry.network_page_id != network.pk:
        raise NetworkActionError("This enquiry was not sent to your network.")
    if status and status != enquiry.status:
        try:
            enquiry_services.change_status(enquiry, status, cochair)
        except (TransitionNotAllowed, PermissionDenied) as refused:
            raise NetworkActionError(
                str(refused) or "You cannot make this change."
            ) from refused
    if note:
        NetworkEnquiryNote.objects.create(
            network=network, enquiry_id=enquiry.pk, author=cochair, text=note
        )
    return enquiry


def enquiry_notes(enquiry):
    return NetworkEnquiryNote.objects.filter(enquiry_id=enquiry.pk).select_related(
        "author", "network"
    )


def anonymise_enquiry_notes(enquiry):
    """With the enquiry at the end of its retention: the notes keep only their dates."""
    NetworkEnquiryNote.objects.filter(enquiry_id=enquiry.pk).update(
        text="", author=None
    )


def new_enquiries_for_cochair(user):
    """New enquiries routed to the networks this person co-chairs now (one query)."""
    return (
        Enquiry.objects.filter(
            network_page_id__in=NetworkCoChair.objects.filter(
                current_terms_q(), user=user
            ).values("network_id"),
            status=Enquiry.Status.NEW,
        )
        .order_by("created_at")
        .only("pk", "reference", "organisation", "created_at", "network_page_id")
    )
