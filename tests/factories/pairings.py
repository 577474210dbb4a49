"""Factories for pairings: partners with profiles, and pairings at any stage of the lifecycle."""

import factory
from django.utils import timezone

from home.models.snippets import Region
from members.accounts.choices import MemberType
from members.coaching.models import Pairing, PairingPartner, PartnerAvailability
from members.models import MemberProfile
from tests.factories import UserFactory
from tests.factories.enquiries import EnquiryFactory


def make_partner(
    email=None,
    *,
    region_slug="west-midlands",
    interests=("coaching",),
    capacity=2,
    accepting=True,
    areas=("coaching",),
    **user_fields,
):
    """A Lived Experience Partner in the Members group, with a profile and availability."""
    fields = {"groups": ["Members"], **user_fields}
    if email:
        fields["email"] = email
    user = UserFactory(**fields)
    MemberProfile.objects.create(
        user=user,
        member_type=MemberType.LIVED_EXPERIENCE_PARTNER,
        region=Region.objects.filter(slug=region_slug).first() if region_slug else None,
        interests=list(interests),
        bio="I have lived with a long-term condition for many years.",
    )
    PartnerAvailability.objects.create(
        user=user, capacity=capacity, accepting=accepting, experience_areas=list(areas)
    )
    return user


def make_enquiry(region_slug="west-midlands", **fields):
    region = Region.objects.filter(slug=region_slug).first() if region_slug else None
    return EnquiryFactory(
        region=region, region_name=region.name if region else "", **fields
    )


class PairingFactory(factory.django.DjangoModelFactory):
    """A pairing at the "proposed" stage; use `make_pairing` for later stages."""

    class Meta:
        model = Pairing

    enquiry = factory.LazyFunction(make_enquiry)
    leader_role = "Director of Adult Social Care"
    organisation_type = "local_authority"
    region = factory.LazyAttribute(lambda o: o.enquiry.region)
    region_name = factory.LazyAttribute(lambda o: o.enquiry.region_name)
    focus = "Planning the carers strategy with people who use services."
    enquiry_received_at = factory.LazyAttribute(lambda o: o.enquiry.created_at)


def make_pairing(partner, status=Pairing.Status.PROPOSED, *, leader=None, **fields):
    """A pairing already at `status`, with the partner row that status implies."""
    S = Pairing.Status
    now = timezone.now()
    row_status = {
        S.PROPOSED: PairingPartner.Status.PROPOSED,
        S.PARTNER_INVITED: PairingPartner.Status.INVITED,
        S.PARTNER_DECLINED: PairingPartner.Status.DECLINED,
    }.get(status, PairingPartner.Status.ACCEPTED)
    if status in (S.INTRODUCED, S.ACTIVE, S.PAUSED, S.COMPLETED, S.ENDED_EARLY):
        fields.setdefault("introduced_at", now)
        if leader is None:
            leader = UserFactory(
                email=f"leader-{UserFactory._meta.model.objects.count()}@example.org"
            )
            MemberProfile.objects.create(user=leader, member_type=MemberType.LEADER)
        fields["leader"] = leader
    if row_status == PairingPartner.Status.ACCEPTED:
        fields.setdefault("matched_at", now)
    pairing = PairingFactory(status=status, **fields)
    if leader is not None and pairing.enquiry:
        pairing.enquiry.email = leader.email
        pairing.enquiry.save(update_fields=["email"])
    PairingPartner.objects.create(pairing=pairing, partner=partner, status=row_status)
    return pairing
