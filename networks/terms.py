"""Who co-chairs a network today: the one query on co-chair terms that permissions, pages,
services and emails all need, kept below all of them so none imports another for it."""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from networks.models.membership import NetworkCoChair
from website import roles


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


def cochaired_network_ids(user):
    """Ids of the networks `user` co-chairs today, read once per user object: the portal
    dashboard asks from several panels and things to do, and most people co-chair none."""
    if not getattr(user, "is_authenticated", False):
        return []
    ids = getattr(user, "_voices_cochaired_network_ids", None)
    if ids is None and roles.loaded(user, "cochairs") is False:
        ids = user._voices_cochaired_network_ids = []
    if ids is None:
        ids = sorted(
            set(
                NetworkCoChair.objects.filter(current_terms_q(), user=user).values_list(
                    "network_id", flat=True
                )
            )
        )
        user._voices_cochaired_network_ids = ids
    return ids


# Most people co-chair nothing: knowing that with the person saves the query above.
roles.load_with_user(
    "cochairs",
    lambda: Exists(
        NetworkCoChair.objects.filter(current_terms_q(), user=OuterRef("pk"))
    ),
)
