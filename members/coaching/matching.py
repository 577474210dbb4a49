"""Rank Lived Experience Partners for an enquiry, so staff can choose; nothing is automatic.

Everything is computed in one annotated query (plus a count for the pager, and one read of
the page's training records for the reasons), whatever the number of partners: partners
whose training is in date first (members/support/training.py), then same region, then
partners with room (active pairings below their stated capacity) and available now, then
overlap between the enquiry's topic and the partner's interests and experience areas,
then the lightest load.
"""

from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from members.accounts.choices import Interest, MemberType
from members.coaching.models import LIVE_STATUSES, PairingPartner
from members.models import User
from members.support import training

# Which profile interest and which experience area each enquiry type is about.
TOPIC_INTERESTS = {
    "coaching": Interest.COACHING_MENTORING,
    "mentoring": Interest.COACHING_MENTORING,
    "coproduction": Interest.COPRODUCTION,
    "network": Interest.NETWORKS,
}
TOPIC_NAMES = {
    "coaching": "coaching",
    "mentoring": "mentoring",
    "coproduction": "co-production",
    "network": "regional networks",
    "other": "this",
}


@dataclass
class Suggestion:
    """One ranked partner and the plain-English reasons for the ranking."""

    user: User
    reasons: list
    load: int
    capacity: int
    already_asked: bool

    @property
    def reason_text(self):
        return "; ".join(self.reasons)


def _json_has(field, code):
    """True where a JSON list field holds `code`; a text match works on SQLite and Postgres."""
    return Q(**{f"{field}__contains": f'"{code}"'})


def partner_queryset(enquiry):
    """Every active partner, annotated with what the ranking needs (one SQL statement)."""
    today = timezone.localdate()
    interest = TOPIC_INTERESTS.get(enquiry.enquiry_type)
    load = (
        PairingPartner.objects.filter(
            partner=OuterRef("pk"),
            status=PairingPartner.Status.ACCEPTED,
            pairing__status__in=LIVE_STATUSES,
        )
        .order_by()
        .values("partner")
        .annotate(n=Count("pk"))
        .values("n")
    )
    asked = PairingPartner.objects.filter(
        partner=OuterRef("pk"), pairing__enquiry=enquiry
    )
    queryset = (
        User.objects.filter(
            is_active=True,
            profile__member_type=MemberType.LIVED_EXPERIENCE_PARTNER,
        )
        .select_related("profile__region", "partner_availability")
        .annotate(
            interests_text=Cast("profile__interests", TextField()),
            areas_text=Coalesce(
                Cast("partner_availability__experience_areas", TextField()),
                Value("[]"),
                output_field=TextField(),
            ),
            load=Coalesce(
                Subquery(load, output_field=IntegerField()),
                Value(0),
                output_field=IntegerField(),
            ),
            capacity=Coalesce(
                "partner_availability__capacity",
                Value(1),
                output_field=IntegerField(),
            ),
        )
        .annotate(
            same_region=Case(
                When(
                    Q(profile__region_id=enquiry.region_id)
                    & Q(profile__region_id__isnull=False),
                    then=Value(1),
                ),
                default=Value(0),
            ),
            interest_match=Case(
                When(_json_has("interests_text", interest), then=Value(1)),
                default=Value(0),
            )
            if interest
            else Value(0),
            experience_match=Case(
                When(_json_has("areas_text", enquiry.enquiry_type), then=Value(1)),
                default=Value(0),
            ),
            has_room=Case(
                When(load__lt=F("capacity"), then=Value(1)),
                default=Value(0),
            ),
            available=Case(
                When(
                    Q(partner_availability__accepting=False)
                    | Q(partner_availability__unavailable_until__gt=today),
                    then=Value(0),
                ),
                default=Value(1),
            ),
            already_asked=Exists(asked),
            trained=training.has_in_date_training(on=today),
        )
        .annotate(
            topic_score=F("interest_match") + F("experience_match"),
        )
        .order_by(
            "-trained",
            "-same_region",
            "-available",
            "-has_room",
            "-topic_score",
            "load",
            "first_name",
            "pk",
        )
    )
    return queryset


def reasons_for(user, enquiry, record=None):
    """Why this partner is where they are, from the annotations and the partner's training
    `record` (from `training.records_for`; no further queries)."""
    reasons = training.reason_lines(record)
    region = user.profile.region
    if user.same_region:
        reasons.append(f"Same region ({region.name})")
    elif region:
        reasons.append(f"Different region ({region.name})")
    else:
        reasons.append("No region given")
    if user.interest_match:
        reasons.append("Interested in this kind of work")
    if user.experience_match:
        reasons.append(f"Experience in {TOPIC_NAMES.get(enquiry.enquiry_type, 'this')}")
    reasons.append(f"{user.load} of {user.capacity} pairings in use")
    if not user.available:
        until = getattr(user.partner_availability, "unavailable_until", None)
        reasons.append(
            f"Not available until {until:%d %B %Y}" if until else "Taking a break"
        )
    if user.already_asked:
        reasons.append("Already asked about this enquiry")
    return reasons


def rank_partners(enquiry, *, offset=0, limit=25):
    """A page of suggestions, best first, each with its reasons."""
    users = list(partner_queryset(enquiry)[offset : offset + limit])
    records = training.records_for([user.pk for user in users]) if users else {}
    return [
        Suggestion(
            user=user,
            reasons=reasons_for(user, enquiry, records.get(user.pk)),
            load=user.load,
            capacity=user.capacity,
            already_asked=bool(user.already_asked),
        )
        for user in users
    ]
