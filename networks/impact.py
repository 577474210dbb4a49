"""Networks' figures for the impact report (members/impact), registered from
networks/wagtail_hooks.py, since the members app never imports networks: networks and
the people who joined them, and "you said, we did" items raised by people with lived
experience and how many led to a change."""

from django.db.models import Q

from members.accounts.choices import MemberType
from members.impact.registry import POWER, REACH, Figure
from networks.models import NetworkMembership, NetworkPage, YouSaidWeDid

NETWORKS = {"networks": Q()}
BY_PARTNER = Q(raised_by__profile__member_type=MemberType.LIVED_EXPERIENCE_PARTNER)


def network_figures():
    raised = YouSaidWeDid.objects.filter(BY_PARTNER)
    return [
        Figure(
            "networks",
            "Networks started",
            REACH,
            NetworkPage.objects.live(),
            "first_published_at",
            "region_id",
            strands=NETWORKS,
        ),
        Figure(
            "network_members",
            "People joining a network",
            REACH,
            NetworkMembership.objects.all(),
            "joined_at",
            "network__region_id",
            strands=NETWORKS,
        ),
        Figure(
            "you_said_raised",
            "“You said, we did” items raised by people with lived experience",
            POWER,
            raised,
            "raised_on",
            "network__region_id",
            strands=NETWORKS,
            is_date=True,
        ),
        Figure(
            "you_said_changed",
            "Of those, items that led to a change",
            POWER,
            raised.exclude(we_did=""),
            "raised_on",
            "network__region_id",
            strands=NETWORKS,
            is_date=True,
        ),
    ]


def you_said_highlights(start, end, limit):
    """Changes made in the range after members raised something (public items)."""
    items = (
        YouSaidWeDid.objects.exclude(we_did="")
        .filter(changed_on__range=(start, end), network__live=True)
        .select_related("network")
        .order_by("-changed_on", "-pk")[:limit]
    )
    return [
        {
            "network": item.network.title,
            "you_said": item.you_said,
            "we_did": item.we_did,
        }
        for item in items
    ]
