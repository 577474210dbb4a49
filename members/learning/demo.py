"""The learning sets' demo: one set in the West Midlands, facilitated by two partners
(partner@example.org and amira.partner@example.org), with five leaders (leader@example.org
and four more), three sessions held with attendance marked by a facilitator (so the
facilitators have claims for them) and two to come, and a resource. Built through the
services; runs after coaching's demo (which makes the partners and the leader) and emails
nobody. Idempotent: a set of the same name is left as it is.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from home.models.snippets import Region
from members.accounts.choices import MemberType
from members.accounts.demo import ensure_account
from members.events import attendance
from members.events.models import BookingStatus, EventBooking
from members.learning import services
from members.learning.models import LearningSet, SetLeader
from members.models import MemberProfile, User

NAME = "Sharing power in commissioning"
FACILITATORS = [
    (
        "partner@example.org",
        "Jo has lived with a long-term lung condition for twenty years and has sat on "
        "two hospital boards. She helps leaders hear what services feel like from the "
        "other side of the desk.",
    ),
    (
        "amira.partner@example.org",
        "Amira cared for her father through dementia and now works with carers' groups "
        "across the region. She is interested in how decisions get made, and by whom.",
    ),
]
# email, first name, last name, organisation, shown to the set, confidence at joining
LEADERS = [
    ("leader@example.org", "Lee", "Leader", "Example Integrated Care Board", True, 2),
    ("priya.leader@example.org", "Priya", "Shah", "Riverside NHS Trust", True, 3),
    ("tom.leader@example.org", "Tom", "Baker", "Northfield Council", False, 2),
    ("grace.leader@example.org", "Grace", "Okafor", "Canal Side Hospice", True, 4),
    ("owen.leader@example.org", "Owen", "Price", "Hillview GP Federation", True, 3),
]
# days from today, and whether each leader came (in LEADERS order)
HELD = [
    (-42, [True, True, True, True, False]),
    (-28, [True, True, False, True, True]),
    (-14, [True, False, True, True, True]),
]
TO_COME = [14, 28]


def _at(days):
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def _leader(email, first, last, organisation):
    user = User.objects.filter(email=email).first()
    if user is None or email != "leader@example.org":
        user = ensure_account(email, first, last, [])
        MemberProfile.objects.update_or_create(
            user=user,
            defaults={"member_type": MemberType.LEADER, "organisation": organisation},
        )
    return user


def load():
    if LearningSet.objects.filter(name=NAME).exists():
        return
    staff = User.objects.get(email="staff@example.org")
    facilitators = [(User.objects.get(email=email), bio) for email, bio in FACILITATORS]
    learning_set = services.create_set(
        by=staff,
        facilitators=facilitators,
        name=NAME,
        focus="How commissioners and providers can hand real decisions to the people who "
        "use services, not only ask for their views.",
        region=Region.objects.filter(slug="west-midlands").first(),
        format=LearningSet.Format.ONLINE,
        places=6,
        starts_on=(_at(HELD[0][0])).date(),
        ends_on=(_at(TO_COME[-1])).date(),
        what_next="After the last session you will be asked two short questions about "
        "what changed. The facilitators will send a summary of the set's actions.",
    )
    leaders = []
    for email, first, last, organisation, shown, confidence in LEADERS:
        leader = _leader(email, first, last, organisation)
        SetLeader.objects.create(
            learning_set=learning_set,
            leader=leader,
            organisation=organisation,
            share_with_set=shown,
            confidence_before=confidence,
        )
        leaders.append(leader)
    facilitator = facilitators[0][0]
    for days, came in HELD:
        session = services.add_session(
            learning_set,
            by=staff,
            starts_at=_at(days),
            ends_at=_at(days) + timedelta(hours=2),
            tell=False,
        )
        bookings = {
            b.user_id: b.pk
            for b in EventBooking.objects.filter(
                event=session.event, status=BookingStatus.CONFIRMED
            )
        }
        present = {bookings[user.pk] for user, _bio in facilitators}
        present |= {
            bookings[leader.pk]
            for leader, here in zip(leaders, came, strict=True)
            if here
        }
        attendance.mark(
            session.event,
            attended=present,
            listed=set(bookings.values()),
            by=facilitator,
        )
    for days in TO_COME:
        services.add_session(
            learning_set,
            by=staff,
            starts_at=_at(days),
            ends_at=_at(days) + timedelta(hours=2),
            joining_details="Online. The joining link is sent the day before; you can "
            "also join by phone.",
            tell=False,
        )
    services.add_resource(
        learning_set,
        by=staff,
        title="Guide: a ladder of co-production, from informing to sharing power",
        url="https://example.org/guides/co-production-ladder",
    )
