"""The West Midlands network's past meetings in the demo, written as they would be after the
meeting (the booking service refuses events that have started).

Six weeks ago, "getting to appointments": the member and the co-chair came, and a partner
booked and did not (the co-chair's browser journey marks her as there after all). Ten weeks
ago, a meeting on hospital discharge that pays the people who come: the partner came, so
the ledger has her claim for a network meeting, which she has sent.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from members.events import demo as events_demo
from members.events.models import EventFormat
from members.payments import ledger
from members.payments.models import Claim, ClaimStatus, Involvement
from networks.services import meetings as meetings_service


def upcoming(days, hour):
    """A date `days` from today (negative for the past) at `hour` UK time."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


PAST_MEETING = "Network meeting: getting to appointments"
PAST_AGENDA = [
    PAST_MEETING,
    "Agenda",
    "1. Welcome and introductions",
    "2. Members' stories: getting to hospital and GP appointments",
    "3. What we will ask the integrated care board to change",
]
PAST_MINUTES = [
    PAST_MEETING,
    "Minutes",
    "Present: eleven members, both co-chairs and the programme team.",
    "Heard: papers arrive too late to read; evening meetings are hard for carers.",
    "Agreed: papers go out a week ahead with an Easy Read summary; try alternating",
    "the time of day for the next three meetings.",
]


def _held(network, cochair, *, title, days_ago, hour, attendees, papers, **fields):
    """A two-hour meeting `days_ago`, with who came and its papers; None if it exists."""
    if meetings_service.network_events(network).filter(title=title).exists():
        return None
    starts = upcoming(-days_ago, hour)
    meeting = meetings_service.add_meeting(
        cochair,
        network,
        title=title,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        capacity=30,
        **fields,
    )
    events_demo.past_attendance(meeting, attendees)
    events_demo.add_papers(meeting, papers)
    return meeting


def ensure_past_meeting(network, cochair):
    """Six weeks ago: the member and the co-chair came, a partner booked and did not."""
    _held(
        network,
        cochair,
        title=PAST_MEETING,
        days_ago=42,
        hour=18,
        attendees=[
            ("member@example.org", True),
            ("cochair@example.org", True),
            ("partner@example.org", False),
        ],
        papers=[
            ("Agenda", "paper", "public", PAST_AGENDA),
            ("Minutes", "minutes", "members", PAST_MINUTES),
        ],
        format=EventFormat.BOTH,
        venue_name="Birmingham and online",
        access_notes="Step-free venue with a hearing loop. Live captions online.",
    )


PAID_MEETING = "Network meeting: leaving hospital well"
PAID_MINUTES = [
    PAID_MEETING,
    "Minutes",
    "Present: nine members, a Lived Experience Partner and the co-chairs.",
    "Heard: people are sent home before carers are told, and without their medicines.",
    "Agreed: the partner takes three stories to the discharge team's next review.",
]


def ensure_paid_meeting(network, cochair):
    """Ten weeks ago, paid at the network meeting rate: the partner came and sent her claim."""
    meeting = _held(
        network,
        cochair,
        title=PAID_MEETING,
        days_ago=70,
        hour=14,
        attendees=[("partner@example.org", True)],
        papers=[("Minutes", "minutes", "members", PAID_MINUTES)],
        format=EventFormat.ONLINE,
        joining_details="Online, with a phone number to join by.",
        access_notes="Live captions. Papers a week ahead in plain English.",
    )
    if meeting is None:
        return
    events_demo.paid(meeting, Involvement.NETWORK_MEETING)
    claim = Claim.objects.filter(
        person__email="partner@example.org",
        title=PAID_MEETING,
        status=ClaimStatus.DRAFT,
    ).first()
    if claim is not None:
        ledger.submit(claim, by=claim.person)


def ensure_past_meetings(network, cochair):
    ensure_past_meeting(network, cochair)
    ensure_paid_meeting(network, cochair)
