"""A partner's training and debrief requests in "download my data", erasure, and the demo."""

import datetime

import pytest
from django.core.management import call_command

from members.coaching import sessions
from members.coaching.models import Pairing
from members.models import User
from members.support import debriefs, services
from members.support.models import DebriefRequest, TrainingCompletion, TrainingCourse
from tests.factories.pairings import make_pairing, make_partner
from website.dataexport import erase_for, sections_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner_with_records(staff):
    partner = make_partner("pat.partner@example.org")
    course = TrainingCourse.objects.create(
        name="Safeguarding adults", provider="Example Board", valid_months=12
    )
    services.record_completion(partner, course, datetime.date(2026, 3, 14), by=staff)
    pairing = make_pairing(partner, Pairing.Status.ACTIVE)
    session = sessions.record_session(
        pairing,
        by=partner,
        date=datetime.date(2026, 11, 2),
        duration_minutes=60,
        mode="online",
    )
    debriefs.ask(partner, coaching_session=session, note="Mornings", contact_by="email")
    return partner


def test_partner_downloads_their_training_and_debriefs(partner_with_records, staff):
    sections = {s.key: list(s.records) for s in sections_for(partner_with_records)}
    assert sections["training"] == [
        {
            "course": "Safeguarding adults",
            "provider": "Example Board",
            "completed_on": datetime.date(2026, 3, 14),
            "valid_until": datetime.date(2027, 3, 14),
        }
    ]
    (debrief,) = sections["debrief_requests"]
    assert debrief["after_coaching_session_on"] == datetime.date(2026, 11, 2)
    assert debrief["note"] == "Mornings" and debrief["contact_by"] == "By email"
    assert debrief["status"] == "Waiting for someone to get in touch"
    assert staff.email not in str(sections["training"])


def test_erasing_the_account_deletes_both(partner_with_records):
    other = make_partner("other.partner@example.org")
    course = TrainingCourse.objects.get()
    TrainingCompletion.objects.create(
        partner=other, course=course, completed_on=datetime.date(2026, 1, 1)
    )
    erase_for(partner_with_records)
    assert not TrainingCompletion.objects.filter(partner=partner_with_records).exists()
    assert not DebriefRequest.objects.exists()
    assert TrainingCompletion.objects.filter(partner=other).exists()


def test_demo_partner_has_training_near_expiry_and_a_waiting_debrief(db):
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)
    partner = User.objects.get(email="partner@example.org")
    today = datetime.date.today()
    ends = sorted(
        (c.course.name, (c.expires_on - today).days)
        for c in TrainingCompletion.objects.filter(partner=partner)
    )
    assert [name for name, _ in ends] == [
        "Safeguarding adults",
        "Sharing your story safely",
    ]
    assert 15 <= ends[0][1] <= 25 and ends[1][1] > 300
    assert TrainingCourse.objects.count() == 3
    (debrief,) = DebriefRequest.objects.all()
    assert debrief.partner == partner and debrief.status == "waiting"
    assert debrief.coaching_session.pairing.leader.email == "leader@example.org"
    support = User.objects.get(email="support@example.org")
    assert list(support.groups.values_list("name", flat=True)) == ["Partner support"]
