"""The "you said, we did" log (networks.models.YouSaidWeDid): the only writer. The
workspace and the network page read it through `networks.reading.you_said_items`.

A member is named beside what they raised only when the co-chair recorded their agreement
and while they are still a member of the network: leaving, or erasing the account (the
link is then empty), takes the name off without anyone editing the item.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from networks.models import YouSaidWeDid
from website import activity

activity.register_verbs({"you_said": "“You said, we did” item saved"})

FIELDS = (
    "you_said",
    "raised_on",
    "raised_by",
    "named_with_consent",
    "decided",
    "we_did",
    "changed_on",
)


def network_member_users(network):
    """The people who may be named: the network's members, by name."""
    return (
        get_user_model()
        .objects.filter(network_memberships__network_id=network.pk)
        .order_by("first_name", "last_name", "pk")
    )


@transaction.atomic
def save_item(network, *, by, data, item=None):
    """Add an item to the network's log, or change one of its items."""
    created = item is None
    if created:
        item = YouSaidWeDid(network=network, created_by=by)
    elif item.network_id != network.pk:
        raise ValueError("This item belongs to another network")
    for name in FIELDS:
        setattr(item, name, data.get(name))
    if not item.raised_by_id:
        item.named_with_consent = False
    item.save()
    activity.record(
        item,
        by=by,
        verb="you_said",
        note="Added" if created else "Changed",
    )
    return item
