"""Demo coaching: partners, a leader, and a pairing in each main state.

Run by `manage.py load_demo` through members.demo, after the accounts (staff create the
pairings); a second run changes nothing.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from members.accounts.demo import ensure_account
from members.models import User
from members.payments import ledger, sources
from members.payments.models import ClaimStatus, ExpenseCategory

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

# leader email, leader name, role, organisation, organisation type, region,
# partner email, pairing status, days since the enquiry arrived, focus
DEMO_PAIRINGS = [
    (
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


REFLECTION = {
    "what_changed": (
        "The chief executive now asks for a person's story before the numbers at every "
        "board meeting."
    ),
    "what_helped": "Meeting in person first, then short calls every fortnight.",
    "would_recommend": "yes",
    "quote_consent": True,
    "shared_with_other_side": True,
}
SESSIONS = {"active": 3, "paused": 2, "completed": 6, "ended_early": 1}


def ensure_demo_pairing(row, regions):
    """One demo pairing, made the way staff, partner and leader make one: the enquiry is
    submitted, staff propose and invite, the partner answers, staff introduce, sessions and
    claims are recorded, and the pairing is paused, completed or ended, each step through
    the coaching services (checks, history, emails). The services stamp each step with the
    moment it runs; the dates are then set back so the demo reads like months of work."""
    from members.coaching import reflections, services
    from members.coaching.models import Pairing
    from members.enquiries.demo import submit_demo_enquiry
    from members.models import EnquiryPage

    (
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
    staff = User.objects.filter(email="staff@example.org").first()
    enquiry, _ = submit_demo_enquiry(
        EnquiryPage.objects.first(),
        days_ago=days,
        full_name=name,
        email=email,
        job_title=role,
        organisation=org,
        organisation_type=org_type,
        region=regions.get(region_slug),
        enquiry_type="coaching",
        message=focus,
    )
    if staff is None or Pairing.objects.filter(enquiry=enquiry).exists():
        return
    partner = User.objects.get(email=partner_email)
    pairing = services.propose_partner(
        enquiry, partner, by=staff, focus=focus, reasons="Demo pairing"
    )
    if status == "proposed":
        return _backdate(pairing, days)
    services.invite_partner(pairing, by=staff)
    if status == "partner_invited":
        return _backdate(pairing, days)
    if status == "partner_declined":
        services.decline_pairing(
            pairing, partner, "I am not able to take on anyone new until the spring."
        )
        return _backdate(pairing, days)
    services.accept_pairing(pairing, partner)
    pairing = services.introduce_pairing(pairing, by=staff)
    introduced = (
        timezone.now() - timedelta(days=days) + timedelta(days=min(days - 1, 14))
    )
    for index in range(SESSIONS[status]):
        _demo_session(pairing, index, introduced, partner, paid=status == "completed")
    if status == "paused":
        services.change_status(pairing, "pause", by=staff)
    elif status == "ended_early":
        services.change_status(
            pairing, "end_early", by=staff, note="The leader moved to a new role."
        )
    elif status == "completed":
        services.change_status(pairing, "complete", by=staff)
        reflections.submit_reflection(
            pairing, by=partner, role="partner", data=REFLECTION
        )
    return _backdate(pairing, days, introduced=introduced)


def _demo_session(pairing, index, introduced, partner, *, paid):
    """A session recorded by each side in turn, each opening a claim in the partner's
    ledger; the demo partner sends the first two, and on a finished pairing staff have
    approved those and finance paid them."""
    from members.coaching import sessions

    pairing.refresh_from_db()
    session = sessions.record_session(
        pairing,
        by=partner if index % 2 == 0 else pairing.leader,
        date=(introduced + timedelta(days=7 + 14 * index)).date(),
        duration_minutes=60 if index % 2 == 0 else 45,
        mode="online" if index % 3 else "in_person",
    )
    if partner.email != "partner@example.org" or index >= 2:
        return
    claim = sources.claims_for_sessions([session.pk], person=partner).get(session.pk)
    if claim is None or claim.status != ClaimStatus.DRAFT:
        return
    if session.mode == "in_person":
        ledger.add_expense(
            claim,
            by=partner,
            category=ExpenseCategory.objects.filter(name="Travel").first(),
            amount="12.40",
            description="Return train fare",
        )
    ledger.submit(claim, by=partner)
    if paid:
        ledger.approve(claim, by=User.objects.get(email="staff@example.org"))
        ledger.pay(
            claim,
            by=User.objects.get(email="finance@example.org"),
            reference=f"BACS-{session.date:%y%m%d}-{claim.pk:04d}",
        )


def _history_times(pairing, lines, start, introduced, end):
    """When each history line happened: the steps up to the introduction spread from the
    start to it, each session on its own date (a claim soon after it), and what follows
    the last session (a pause, the end, a reflection) at the end."""
    session_days = iter(
        timezone.make_aware(datetime.combine(day, time(17)))
        for day in pairing.sessions.order_by("pk").values_list("date", flat=True)
    )
    states = [line.to_state for line in lines]
    early = states.index("introduced") + 1 if "introduced" in states else len(lines)
    when = start
    for index, line in enumerate(lines):
        if index < early:
            yield start + ((introduced or end) - start) * index / max(early - 1, 1)
            continue
        if line.verb == "session_recorded" or line.to_state == "active":
            when = next(session_days, when)
        elif line.verb == "claim_submitted":
            when = when + timedelta(hours=2)
        else:
            when = max(when, end) + timedelta(minutes=index)
        yield when


def _backdate(pairing, days, introduced=None):
    """Set the pairing's dates back to when the demo says it happened, and spread its
    history between its start and three days ago in the order the steps were taken."""
    from members.coaching.models import Pairing, PairingPartner
    from website import activity
    from website.models import Activity

    now = timezone.now()
    received = now - timedelta(days=days)
    start = received + timedelta(days=1)
    pairing.refresh_from_db()
    finished = pairing.ended_at is not None
    end = now - timedelta(days=3) if finished else now - timedelta(hours=1)
    Pairing.objects.filter(pk=pairing.pk).update(
        enquiry_received_at=received,
        created_at=start,
        status_changed_at=end,
        matched_at=start + timedelta(days=6) if pairing.matched_at else None,
        introduced_at=introduced if pairing.introduced_at else None,
        ended_at=end if finished else None,
    )
    rows = PairingPartner.objects.filter(pairing=pairing)
    rows.update(proposed_at=start)
    rows.exclude(invited_at=None).update(invited_at=start)
    rows.exclude(responded_at=None).update(responded_at=start + timedelta(days=2))
    lines = list(activity.for_record(pairing).order_by("pk"))
    for line, when in zip(
        lines, _history_times(pairing, lines, start, introduced, end), strict=True
    ):
        line.created_at = when
    Activity.objects.bulk_update(lines, ["created_at"])
    return pairing
