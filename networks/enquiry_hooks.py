"""What networks adds to the enquiries feature through its hooks (members never imports
networks): co-chairs are emailed about and shown each new enquiry routed to their network,
staff see co-chairs' notes on the enquiry, and the notes are anonymised with it."""

from django.urls import reverse
from wagtail import hooks

from members.enquiries.services import (
    ENQUIRY_ANONYMISE_HOOK,
    ENQUIRY_PANEL_HOOK,
    ENQUIRY_STORED_HOOK,
)
from networks import terms
from networks.models import NetworkPage
from networks.services.routed_enquiries import (
    anonymise_enquiry_notes,
    enquiry_notes,
    new_enquiries_for_cochair,
)
from website import notify, todo

ENQUIRY_ROUTED = notify.register(
    "enquiry_routed_to_network",
    "Co-chairs: a leader has sent an enquiry to their network.",
)


@hooks.register(ENQUIRY_STORED_HOOK)
def tell_cochairs(enquiry):
    """Queued with the enquiry (spam never gets here); one message per co-chair."""
    if not enquiry.network_page_id:
        return
    network = NetworkPage.objects.filter(pk=enquiry.network_page_id).first()
    if network is None:
        return
    cochairs = [term.user for term in terms.current_cochair_terms(network)]
    notify.notify(
        ENQUIRY_ROUTED,
        cochairs,
        {
            "enquiry": enquiry,
            "network": network,
            "enquiry_url": notify.absolute_url(
                reverse(
                    "networks:enquiry_detail",
                    kwargs={"slug": network.slug, "pk": enquiry.pk},
                )
            ),
        },
        about=enquiry,
    )


@hooks.register(ENQUIRY_PANEL_HOOK)
def cochair_notes_section(enquiry):
    notes = list(enquiry_notes(enquiry))
    if not enquiry.network_page_id and not notes:
        return None
    return {
        "heading": "Co-chairs' notes",
        "template": "networks/admin/enquiry_notes.html",
        "context": {"notes": notes, "network_name": enquiry.network_name},
    }


@hooks.register(ENQUIRY_ANONYMISE_HOOK)
def anonymise_cochair_notes(enquiry):
    anonymise_enquiry_notes(enquiry)


# What a routed enquiry's line shows, and no more (page rows are wide).
ENQUIRY_TODO_FIELDS = (
    "pk",
    "reference",
    "organisation",
    "created_at",
    "network_page",
    "network_page__title",
    "network_page__slug",
)


@hooks.register(todo.PORTAL)
def routed_enquiries_to_triage(request):
    """Each new enquiry sent to a network this person co-chairs (one query)."""
    if not terms.cochaired_network_ids(request.user):  # most people: no more queries
        return []
    enquiries = list(
        new_enquiries_for_cochair(request.user)
        .select_related("network_page")
        .only(*ENQUIRY_TODO_FIELDS)
    )
    return [
        todo.Todo(
            text=f"A new enquiry has been sent to {enquiry.network_page.title}: "
            f"{enquiry.reference} from {enquiry.organisation}.",
            url=reverse(
                "networks:enquiry_detail",
                kwargs={"slug": enquiry.network_page.slug, "pk": enquiry.pk},
            ),
            link_text=f"Read and reply to {enquiry.reference}",
            order=20,
            kind="enquiry",
        )
        for enquiry in enquiries
    ]
