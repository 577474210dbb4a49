"""A known programme for the impact report: counts chosen so that some groups are 5 or
more (shown exactly) and some are under 5 (hidden), in two regions and two months."""

import datetime
from datetime import timedelta

import pytest
from django.utils import timezone

from home.models import Region
from members.accounts.choices import MemberType
from members.coaching.models import Pairing, PairingSession, Reflection
from members.events.models import EventBooking
from members.impact.models import EqualityAnswers
from members.models import Enquiry, MemberProfile
from tests.factories import UserFactory
from tests.factories.enquiries import EnquiryFactory
from tests.factories.events import make_event
from tests.factories.networks import make_network
from tests.factories.pairings import make_partner


def moment(year, month, day):
    return timezone.make_aware(datetime.datetime(year, month, day, 12, 0))


@pytest.fixture
def regions(db):
    return {
        slug: Region.objects.get(slug=slug)
        for slug in ("west-midlands", "london", "north-east")
    }


def enquiries(region, when, count, **fields):
    for _ in range(count):
        EnquiryFactory(
            region=region, region_name=region.name, created_at=when, **fields
        )


def pairing(region, introduced):
    return Pairing.objects.create(
        status=Pairing.Status.ACTIVE,
        leader_role="Director",
        organisation_type="local_authority",
        region=region,
        region_name=region.name,
        focus="Carers strategy",
        introduced_at=introduced,
    )


def answers(region, count, last_login=None, **fields):
    for _ in range(count):
        user = UserFactory(groups=["Members"], last_login=last_login)
        MemberProfile.objects.create(
            user=user,
            member_type=MemberType.LIVED_EXPERIENCE_PARTNER,
            region=region,
        )
        EqualityAnswers.objects.create(user=user, **fields)


@pytest.fixture
def programme(db, regions, home_page):
    """The known fixture (the figures tests read these numbers):

    enquiries: West Midlands 12 in March 2026 and 8 in April; London 6 and North East 2
    in April; 5 spam (never counted); West Midlands 3 about networks in April.
    pairings introduced: 6 in the West Midlands (March), 1 in London (April); 7 coaching
    sessions in the West Midlands in April. Events held: 5 in the West Midlands in April,
    3 of them co-led by a partner, with 6 places attended at the first.
    Equality answers: 7 in the West Midlands (signed in during April), 5 in the North
    East, and 5 in London who chose not to answer.
    """
    wm, london, ne = regions["west-midlands"], regions["london"], regions["north-east"]
    march, april = moment(2026, 3, 14), moment(2026, 4, 15)
    enquiries(wm, march, 12)
    enquiries(wm, april, 8)
    enquiries(london, april, 6)
    enquiries(ne, april, 2)
    enquiries(wm, april, 5, status=Enquiry.Status.SPAM)
    enquiries(wm, april, 3, enquiry_type="network")
    coached = [pairing(wm, march) for _ in range(6)]
    pairing(london, april)
    for day in range(1, 8):
        PairingSession.objects.create(
            pairing=coached[0],
            date=datetime.date(2026, 4, day),
            duration_minutes=60,
            mode="video",
        )
    for index in range(5):
        event = make_event(
            region=wm,
            starts_at=april + timedelta(days=index),
            co_led_by_partner=index < 3,
        )
        if index == 0:
            for n in range(6):
                EventBooking.objects.create(
                    event=event,
                    name=f"Guest {n}",
                    email=f"guest{n}@example.org",
                    status="confirmed",
                    attended=True,
                )
    signed_in = {"last_login": april}
    answers(
        wm,
        5,
        age_band="45_54",
        ethnicity="white",
        disability="yes",
        carer="yes",
        **signed_in,
    )
    answers(
        wm,
        1,
        age_band="55_64",
        ethnicity="white",
        disability="no",
        carer="",
        **signed_in,
    )
    answers(
        wm,
        1,
        age_band="55_64",
        ethnicity="asian",
        disability="no",
        carer="no",
        **signed_in,
    )
    answers(ne, 5, age_band="under_25", ethnicity="black", disability="yes", carer="no")
    answers(london, 5, declined=True)
    network = make_network(home_page, region=wm)
    partner = make_partner("voice@example.org")
    quoted = Reflection.objects.create(
        pairing=coached[1],
        role="leader",
        what_changed="I now plan with carers from the start.",
        what_helped="Honest questions.",
        would_recommend="yes",
        quote_consent=True,
        created_at=april,
    )
    Reflection.objects.create(
        pairing=coached[2],
        role="leader",
        what_changed="A private thought, not for quoting.",
        what_helped="Time.",
        would_recommend="yes",
        quote_consent=False,
        created_at=april,
    )
    return {"network": network, "partner": partner, "quoted": quoted}
