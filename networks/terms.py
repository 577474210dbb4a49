"""Who co-chairs a network today: the one query on co-chair terms that permissions, pages,
services and emails all need, kept below all of them so none imports another for it."""

from django.db.models import Q
from django.utils import timezone

from networks.models.membership import NetworkCoChair


def current_terms_q(today=None, prefix=""):
    """Terms running today: started, and not yet ended (an open end runs on)."""
    today = today or timezone.localdate()
    return Q(**{f"{prefix}term_start__lte": today}) & (
        Q(**{f"{prefix}term_end__isnull": True})
        | Q(**{f"{prefix}term_end__gte": today})
    )


def current_cochair_terms(network):
    return (
        NetworkCoChair.objects.filter(current_terms_q(), network_id=network.pk)
        .select_related("user", "photo")
        .order_by("sort_order", "term_start")
    )
