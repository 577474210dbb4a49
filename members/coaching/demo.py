"""Demo coaching: partners, a leader, and a pairing in each main state.

Run by `manage.py load_demo` through members.demo, after the accounts (staff create the
pairings); a second run changes nothing.
"""

from members.accounts.demo import ensure_account
from members.models import User

DEMO_PARTNERS = [
    # email, first, last, region slug, interests, capacity, accepting, bio
    (
        "partner@example.org",
        "Jo",
        "Partner",
        "west-midlands",
        ["coaching", "coproduction"],
        3,
        True,
        "I have lived with multiple sclerosis for fifteen years and cared for my mum. "
        "I help leaders hear what a service feels like from the other side.",
    ),
    (
        "amira.partner@example.org",
        "Amira",
        "Hassan",
        "north-west",
        ["coaching", "research"],
        2,
        True,
        "Unpaid carer for my brother, who has a learning disability. Former school "
        "governor; I like plain questions and honest answers.",
    ),
    (
        "dev.partner@example.org",
        "Dev",
        "Sharma",
        "london",
        ["coaching"],
        1,
        False,
        "I live with long COVID and a heart condition, and I have sat on two patient "
        "panels for my local trust.",
    ),
]

# reference, leader email, leader name, role, organisation, organisation type, region,
# partner email, pairing status, days since the enquiry arrived, focus
DEMO_PAIRINGS = [
    (
        "ENQ-2025-00901",
        "leader@example.org",
        "Lee Leader",
        "Director of Nursing",
        "Example Integrated Care Board",
        "icb",
        "west-midlands",
        "partner@example.org",
        "active",
        70,
        "Making discharge planning something families shape, not something done to "
        "them; and how to hear carers before decisions are made.",
    ),
    (
        "ENQ-2025-00902",
        "sana.begum@example.org",
        "Sana Begum",
        "Chief Executive",
        "Example Community Health Trust",
        "nhs_provider",
        "west-midlands",
        "partner@example.org",
        "completed",
        200,
        "Building lived experience into the board's quality reports.",
    ),
    (
        "ENQ-2025-00903",
        "olu.adeyemi@example.org",
        "Olu Adeyemi",
        "Assistant Director of Commissioning",
        "Example City Council",
        "local_authority",
        "north-west",
        "amira.partner@example.org",
        "partner_invited",
        12,
        "Commissioning short breaks for carers with carers in the room.",
    ),
    (
        "ENQ-2025-00904",
        "grace.lee@example.org",
        "Grace Lee",
        "Head of Patient Experience",
        "Example Hospitals Trust",
        "nhs_provider",
        "london",
        "dev.partner@example.org",
        "proposed",
        5,
        "Turning complaints data into changes people can see.",
    ),
    (
        "ENQ-2025-00905",
        "rob.evans@example.org",
        "Rob Evans",
        "Director of Adult Social Care",
        "Example Borough Council",
        "local_authority",
        "north-west",
        "amira.partner@example.org",
        "partner_declined",
        20,
        "Co-producing the council's new approach to assessments.",
    ),
    (
        "ENQ-2025-00906",
        "kim.ng@example.org",
        "Kim Ng",
        "Clinical Director",
        "Example Primary Care Network",
        "nhs_provider",
        "west-midlands",
        "partner@example.org",
        "paused",
        110,
        "Involving people with long-term conditions in redesigning reviews.",
    ),
    (
        "ENQ-2025-00907",
        "alex.price@example.org",
        "Alex Price",
        "Director of Strategy",
        "Example Care Alliance",
        "voluntary",
        "london",
        "amira.partner@example.org",
        "ended_early",
        150,
        "Setting up a lived experience advisory group.",
    ),
]


def load():
    """Demo partners, the leader, and a pairing in each main state (idempotent)."""
    from home.models.snippets import Region
    from members.accounts.choices import MemberType
    from members.coaching.models import PartnerAvailability
    from members.models import MemberProfile

    regions = {region.slug: region for region in Region.objects.all()}
    for (
        email,
        first,
        last,
        region,
        interests,
        capacity,
        accepting,
        bio,
    ) in DEMO_PARTNERS:
        user = ensure_account(email, first, last, ["Members"])
        MemberProfile.objects.update_or_create(
            user=user,
            defaults={
                "member_type": MemberType.LIVED_EXPERIENCE_PARTNER,
                "region": regions.get(region),
                "interests": interests,
                "bio": bio,
            },
        )
        PartnerAvailability.objects.update_or_create(
            user=user,
            defaults={
                "capacity": capacity,
                "accepting": accepting,
                "experience_areas": ["coaching", "mentoring"],
            },
        )
    leader = ensure_account("leader@example.org", "Lee", "Leader", [])
    MemberProfile.objects.update_or_create(
        user=leader,
        defaults={
            "member_type": MemberType.LEADER,
            "region": regions.get("west-midlands"),
            "organisation": "Example Integrated Care Board",
        },
    )
    for row in DEMO_PAIRINGS:
        ensure_demo_pairing(row, regions)


def ensure_demo_pairing(row, regions):
    from datetime import timedelta
    from decimal import Decimal

    from allauth.account.models import EmailAddress
    from django.utils import timezone

    from members.accounts.choices import MemberType
    from members.coaching.models import (
        ExpenseClaim,
        Pairing,
        PairingPartner,
        PairingSession,
        Reflection,
    )
    from members.models import Enquiry, MemberProfile
    from website import activity

    (
        reference,
        email,
        name,
        role,
        org,
        org_type,
        region_slug,
        partner_email,
        status,
        days,
        focus,
    ) = row
    if Pairing.objects.filter(enquiry__reference=reference).exists():
        return
    S = Pairing.Status
    now = timezone.now()
    region = regions.get(region_slug)
    staff = User.objects.filter(email="staff@example.org").first()
    partner = User.objects.get(email=partner_email)
    introduced = status in (S.ACTIVE, S.PAUSED, S.COMPLETED, S.ENDED_EARLY)
    matched = introduced or status == S.PARTNER_ACCEPTED
    # Direct, not enquiries' submit_enquiry: it queues emails and numbers references itself.
    enquiry, _ = Enquiry.objects.get_or_create(
        reference=reference,
        defaults={
            "full_name": name,
            "email": email,
            "job_title": role,
            "organisation": org,
            "organisation_type": org_type,
            "region": region,
            "region_name": region.name if region else "",
            "enquiry_type": "coaching",
            "message": focus,
            "consented_at": now - timedelta(days=days),
            "created_at": now - timedelta(days=days),
            "status": "matched" if matched else "in_progress",
            "assignee": staff,
        },
    )
    leader = None
    if introduced:
        leader = User.objects.filter(email__iexact=email).first()
        if leader is None:
            first, _, last = name.partition(" ")
            leader = User(email=email, first_name=first, last_name=last)
            leader.set_unusable_password()
            leader.save()
            EmailAddress.objects.get_or_create(
                user=leader, email=email, defaults={"verified": True, "primary": True}
            )
        MemberProfile.objects.get_or_create(
            user=leader, defaults={"member_type": MemberType.LEADER, "region": region}
        )
    introduced_at = enquiry.created_at + timedelta(days=min(days - 1, 14))
    # Direct, not services.propose_partner and the later steps: those email people, and
    # each state needs back-dated timestamps the workflow only ever sets to now.
    pairing = Pairing.objects.create(
        enquiry=enquiry,
        leader=leader,
        status=status,
        leader_role=role,
        organisation_type=org_type,
        region=region,
        region_name=region.name if region else "",
        focus=focus,
        enquiry_received_at=enquiry.created_at,
        created_at=enquiry.created_at + timedelta(days=1),
        created_by=staff,
        matched_at=enquiry.created_at + timedelta(days=7) if matched else None,
        introduced_at=introduced_at if introduced else None,
        ended_at=now - timedelta(days=3)
        if status in (S.COMPLETED, S.ENDED_EARLY)
        else None,
        end_reason="The leader moved to a new role." if status == S.ENDED_EARLY else "",
    )
    row_status = {
        S.PROPOSED: PairingPartner.Status.PROPOSED,
        S.PARTNER_INVITED: PairingPartner.Status.INVITED,
        S.PARTNER_DECLINED: PairingPartner.Status.DECLINED,
    }.get(status, PairingPartner.Status.ACCEPTED)
    PairingPartner.objects.create(
        pairing=pairing,
        partner=partner,
        status=row_status,
        proposed_at=pairing.created_at,
        invited_at=pairing.created_at if status != S.PROPOSED else None,
        responded_at=pairing.created_at + timedelta(days=2)
        if row_status in ("accepted", "declined")
        else None,
        decline_reason="I am not able to take on anyone new until the spring."
        if status == S.PARTNER_DECLINED
        else "",
        match_reasons="Demo pairing",
    )
    line = activity.record(
        pairing,
        by=staff,
        verb="demo_pairing_created",
        to_state=status,
        actor_role="staff",
    )
    line.created_at = pairing.created_at
    line.save(update_fields=["created_at"])
    if not introduced:
        return
    count = {S.ACTIVE: 3, S.PAUSED: 2, S.COMPLETED: 6, S.ENDED_EARLY: 1}[status]
    for index in range(count):
        session = PairingSession.objects.create(
            pairing=pairing,
            date=(introduced_at + timedelta(days=7 + 14 * index)).date(),
            duration_minutes=60 if index % 2 == 0 else 45,
            mode="online" if index % 3 else "in_person",
            recorded_by=partner if index % 2 == 0 else leader,
        )
        if partner_email == "partner@example.org" and index < 2:
            ExpenseClaim.objects.create(
                pairing=pairing,
                session=session,
                partner=partner,
                payment=pairing.session_payment,
                expenses=Decimal("12.40") if session.mode == "in_person" else 0,
                expenses_description="Return train fare"
                if session.mode == "in_person"
                else "",
                status="paid" if status == S.COMPLETED else "submitted",
                paid_at=now if status == S.COMPLETED else None,
            )
    if status == S.COMPLETED:
        Reflection.objects.create(
            pairing=pairing,
            author=partner,
            role="partner",
            what_changed=(
                "The chief executive now asks for a person's story before the numbers "
                "at every board meeting."
            ),
            what_helped="Meeting in person first, then short calls every fortnight.",
            would_recommend="yes",
            quote_consent=True,
            shared_with_other_side=True,
        )
