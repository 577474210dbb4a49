"""Who may raise a concern and who reads the log: staff and partners raise; only the
designated safeguarding leads read, and superusers are not leads unless they join."""

import pytest

from members.models import MemberProfile
from members.safeguarding import permissions as perms
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_partners_and_everyone_with_admin_access_may_raise(
    partner, lead, staff, editor, superuser
):
    for person in (partner, lead, staff, editor, superuser):
        assert perms.can_raise(person), person.email


def test_members_who_are_not_partners_and_inactive_people_may_not_raise(
    member, inactive_member
):
    leader = UserFactory(email="leader@example.org")
    MemberProfile.objects.create(user=leader, member_type="leader")
    for person in (member, inactive_member, leader):
        assert not perms.can_raise(person), person.email


def test_only_leads_read_the_log(partner, lead, staff, editor, superuser):
    assert perms.can_read_log(lead)
    for person in (partner, staff, editor, superuser):
        assert not perms.can_read_log(person), person.email


def test_an_inactive_lead_reads_nothing(lead):
    lead.is_active = False
    assert not perms.can_read_log(lead)
