"""An interest's history reads as sentences for people, for the member and for staff."""

import pytest
from django.test import Client

from members.opportunities import services
from tests.factories.opportunities import (
    InterestFactory,
    ensure_index,
    make_opportunity,
)

OFFERED_LINE = "Status changed from Shortlisted to Offered a place"


@pytest.fixture
def offered(home_page, member, staff):
    opportunity = make_opportunity(ensure_index(home_page), title="Citizens' jury")
    interest = InterestFactory(opportunity=opportunity, member=member)
    services.change_status(interest, "shortlisted", staff)
    services.change_status(interest, "offered", staff)
    return interest


def test_the_member_reads_their_interests_history_in_words(client, member, offered):
    client.force_login(member)
    html = client.get(f"/portal/interests/{offered.pk}/").content.decode()
    assert "Status set to Submitted (pending review)" in html
    assert "Status changed from Submitted (pending review) to Shortlisted" in html
    assert OFFERED_LINE in html
    assert "→" not in html
    assert "not_selected" not in html and ">offered<" not in html


def test_staff_read_the_same_history_in_the_admin(staff, offered):
    client = Client()
    client.force_login(staff)
    url = f"/admin/members/expressionofinterest/inspect/{offered.pk}/"
    html = client.get(url).content.decode()
    assert OFFERED_LINE in html
    assert (staff.get_full_name() or staff.email) in html
    assert "→" not in html


def test_the_members_own_answer_joins_the_history(client, member, offered):
    services.respond_to_offer(offered, True, member)
    client.force_login(member)
    html = client.get(f"/portal/interests/{offered.pk}/").content.decode()
    assert "Status changed from Offered a place to Accepted" in html
