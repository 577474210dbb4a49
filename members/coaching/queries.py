"""The pairings a person may open, as one query the portal views, the dashboard panel and
the things-to-do provider share."""

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
)

from members.coaching.models import (
    FINISHED,
    LEADER_VISIBLE,
    Pairing,
    PairingPartner,
    Reflection,
)
from website import roles

S = Pairing.Status
DASHBOARD_LIMIT = 50


def pairings_for(user):
    """Pairings this person may open: as an invited or accepted partner, or as leader."""
    return (
        Pairing.objects.filter(
            Q(
                partners__partner=user,
                partners__status__in=(
                    PairingPartner.Status.INVITED,
                    PairingPartner.Status.ACCEPTED,
                    PairingPartner.Status.DECLINED,
                ),
            )
            | Q(leader=user, status__in=LEADER_VISIBLE)
        )
        .select_related("region")
        .prefetch_related(
            Prefetch(
                "partners",
                queryset=PairingPartner.objects.select_related("partner__profile"),
                to_attr="_partner_rows",
            )
        )
        .distinct()
    )


roles.load_with_user(
    "leads_pairing", lambda: Exists(Pairing.objects.filter(leader=OuterRef("pk")))
)
roles.load_with_user(
    "partners_pairing",
    lambda: Exists(PairingPartner.objects.filter(partner=OuterRef("pk"))),
)


def _in_any_pairing(user):
    """A cheap first look: most members are in no pairing, and the full dashboard query
    (with its reflection flags) costs several times more to build than to run. Read with
    the signed-in person where it was (website/roles.py)."""
    if not user.is_authenticated:
        return False
    leads = roles.loaded(user, "leads_pairing")
    if leads is not None:
        return leads or roles.loaded(user, "partners_pairing")
    as_partner = PairingPartner.objects.filter(partner=user).values("pairing_id")
    return Pairing.objects.filter(Q(leader=user) | Q(pk__in=as_partner)).exists()


def dashboard_pairings(request):
    """This person's pairings for the dashboard, running ones first, each marked with which
    sides have reflected; fetched once per request (the panel and "Things to do" both read
    it, so the dashboard costs the same queries with or without pairings)."""
    if not hasattr(request, "_dashboard_pairings") and not _in_any_pairing(
        request.user
    ):
        request._dashboard_pairings = []
    if not hasattr(request, "_dashboard_pairings"):
        wrote = Reflection.objects.filter(pairing=OuterRef("pk"))
        request._dashboard_pairings = list(
            pairings_for(request.user)
            .exclude(status=S.PARTNER_DECLINED)
            .annotate(
                finished=Case(
                    When(status__in=FINISHED, then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                ),
                partner_wrote=Exists(wrote.filter(role=Reflection.Role.PARTNER)),
                leader_wrote=Exists(wrote.filter(role=Reflection.Role.LEADER)),
            )
            .order_by("finished", "-created_at", "-pk")[:DASHBOARD_LIMIT]
        )
    return request._dashboard_pairings
