"""What the network pages show: the list of networks and one network's page.

Built on the model modules and permissions only (never the page models or services), so
the page models can ask for their context here without an import cycle.
"""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from home.routing import public_pages
from members.events.models import BookingStatus, Event, EventBooking, EventStatus
from members.opportunities.pages import OpportunityPage
from networks import permissions
from networks.models.membership import (
    JoinRequest,
    JoinRequestStatus,
    NetworkCoChair,
    NetworkMembership,
)
from networks.models.updates import CoChairUpdate
from networks.models.you_said import YouSaidWeDid
from networks.terms import current_cochair_terms, current_terms_q

UPDATES_ON_PAGE = 10
MEETINGS_ON_PAGE = 5


def network_listing(networks):
    """Live networks from `networks` (a NetworkPage queryset: the pages under the index, or
    all of them, as there is one index) with region, current co-chairs and member count."""
    networks = networks.live()
    return (
        public_pages(networks)
        .select_related("region")
        .annotate(member_count=Count("memberships", distinct=True))
        .prefetch_related(
            Prefetch(
                "cochairs",
                queryset=NetworkCoChair.objects.filter(current_terms_q())
                .select_related("user")
                .order_by("sort_order", "term_start"),
                to_attr="current_cochair_list",
            )
        )
        .order_by("status", "path")
    )


def upcoming_meetings(network, limit=MEETINGS_ON_PAGE):
    """The network's next meetings (events it organises), each with places taken."""
    return list(
        Event.objects.filter(
            network_link__network_id=network.pk,
            status=EventStatus.SCHEDULED,
            ends_at__gte=timezone.now(),
        )
        .annotate(
            confirmed_count=Count(
                "bookings",
                filter=Q(
                    bookings__status__in=(
                        BookingStatus.CONFIRMED,
                        BookingStatus.OFFERED,
                    )
                ),
            )
        )
        .order_by("starts_at", "pk")[:limit]
    )


def visible_updates(network, is_member):
    return (
        CoChairUpdate.objects.visible_to(is_member)
        .filter(network_id=network.pk)
        .select_related("author", "image")
        .order_by("-published_at", "-pk")
    )


def network_opportunities(network, limit=5):
    """Open, public opportunities pointed at this network."""
    return list(
        public_pages(OpportunityPage.objects.live())
        .filter(network_page_id=network.pk, closes_at__gt=timezone.now())
        .order_by("closes_at")
        .only("id", "title", "url_path", "path", "depth")[:limit]
    )


def with_member_count(networks):
    """Networks annotated with `member_count`, as a subquery (no GROUP BY on the page)."""
    count = (
        NetworkMembership.objects.filter(network_id=OuterRef("pk"))
        .order_by()
        .values("network_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return networks.annotate(member_count=Coalesce(Subquery(count), 0))


def network_page_context(network, user):
    """Everything the network page shows, in a fixed number of queries."""
    membership = None
    pending_request = None
    cochairs = list(current_cochair_terms(network))
    is_cochair = user.is_authenticated and any(t.user_id == user.pk for t in cochairs)
    if user.is_authenticated:
        membership = NetworkMembership.objects.filter(
            network_id=network.pk, user=user
        ).first()
        if membership is None and not is_cochair:
            pending_request = JoinRequest.objects.filter(
                network_id=network.pk, user=user, status=JoinRequestStatus.PENDING
            ).first()
    is_member = membership is not None or is_cochair
    my_registrations = {}
    meetings = upcoming_meetings(network)
    if is_member and meetings:
        my_registrations = dict(
            EventBooking.objects.filter(user=user, event__in=[m.pk for m in meetings])
            .exclude(status=BookingStatus.CANCELLED)
            .values_list("event_id", "status")
        )
    for meeting in meetings:
        meeting.my_status = my_registrations.get(meeting.pk)
        meeting.places_left = max(meeting.capacity - meeting.confirmed_count, 0)
    return {
        "cochairs": cochairs,
        "membership": membership,
        "pending_request": pending_request,
        "is_member": is_member,
        "is_cochair": is_cochair,
        "can_join": permissions.can_join_network(user, network),
        "meetings": meetings,
        "updates": list(visible_updates(network, is_member)[:UPDATES_ON_PAGE]),
        "member_count": (
            network.member_count
            if hasattr(network, "member_count")
            else NetworkMembership.objects.filter(network_id=network.pk).count()
        ),
        "opportunities": network_opportunities(network),
    }


def you_said_rows(network):
    """The network's log, newest first, as a queryset to slice or paginate; pass the rows
    shown through `name_raisers`. (The log has its own public page, linked from the network
    page, which so stays within the public query budget.)"""
    still_member = NetworkMembership.objects.filter(
        network_id=network.pk, user_id=OuterRef("raised_by_id")
    )
    return (
        YouSaidWeDid.objects.filter(network_id=network.pk)
        .select_related("raised_by")
        .annotate(raiser_is_member=Exists(still_member))
        .order_by("-raised_on", "-pk")
    )


def name_raisers(items):
    """Each item with `.shown_name`: the member's name where they agreed to be named and
    are still a member of the network, otherwise ""."""
    items = list(items)
    for item in items:
        named = item.named_with_consent and item.raised_by_id and item.raiser_is_member
        item.shown_name = item.raised_by.display_name if named else ""
    return items
