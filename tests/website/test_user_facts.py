"""Facts about the signed-in person read with them (website/roles.py `load_with_user`).

The portal asks on every page whether the person is a member, leads or partners a pairing,
or co-chairs a network. Those answers now come with the query that loads the person, so a
plain member's dashboard asks none of those tables again; and since each request loads the
person afresh, a change shows on the very next page.
"""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import Region
from members.opportunities import permissions as opportunity_perms
from tests.factories import UserFactory
from tests.factories.networks import CoChairFactory, make_network
from tests.factories.pairings import make_pairing
from tests.members.accounts.accounts_helpers import make_profile
from website import roles


def dashboard_sql(client):
    client.get("/portal/")  # per-process caches (menus, fragments) are made once
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/portal/")
    assert response.status_code == 200
    return response, [query["sql"] for query in queries.captured_queries]


@pytest.fixture
def signed_in_member(client, member, home_page):
    make_profile(
        member,
        region=Region.objects.get(slug="west-midlands"),
        interests=["coaching", "events"],
    )
    client.force_login(member)
    return member


def test_plain_members_dashboard_asks_no_role_tables_again(client, signed_in_member):
    response, sql = dashboard_sql(client)
    person = [s for s in sql if s.startswith('SELECT "members_user"."id"')]
    assert len(person) == 1
    for table in ('"members_pairing"', '"networks_networkcochair"', '"auth_group"'):
        assert table in person[0]
        assert [s for s in sql if table in s] == person, f"{table} asked again"
    assert "Open opportunities for you" in response.content.decode()


def test_a_plain_members_dashboard_asks_eight_queries(client, signed_in_member):
    """Session, person (with their facts), site, profile, their interests, matching
    opportunities (kept as a fragment in production, not in the suite), their event
    bookings and their networks. Before the facts were read with the person: twelve."""
    _, sql = dashboard_sql(client)
    assert len(sql) <= 8, "\n".join(sql)


def test_leaving_the_members_group_shows_on_the_next_page(client, signed_in_member):
    response, _ = dashboard_sql(client)
    assert "Open opportunities for you" in response.content.decode()
    signed_in_member.groups.remove(Group.objects.get(name=roles.MEMBERS))
    response = client.get("/portal/")
    assert "Open opportunities for you" not in response.content.decode()


def test_a_new_pairing_shows_on_the_next_page(client, signed_in_member):
    response, _ = dashboard_sql(client)
    assert "Your coaching and mentoring" not in response.content.decode()
    make_pairing(signed_in_member, "active")
    response = client.get("/portal/")
    assert "Your coaching and mentoring" in response.content.decode()


def test_a_new_cochair_term_shows_on_the_next_page(client, signed_in_member, home_page):
    network = make_network(home_page)
    response, _ = dashboard_sql(client)
    assert "Open the co-chair workspace" not in response.content.decode()
    CoChairFactory(network=network, user=signed_in_member)
    response = client.get("/portal/")
    assert "Open the co-chair workspace" in response.content.decode()


def test_a_person_loaded_elsewhere_is_asked_the_database(db):
    """A user object not loaded for a request carries no facts; checks still answer."""
    person = UserFactory(email="asked@example.org", groups=[roles.MEMBERS])
    assert roles.loaded(person, "member") is None
    assert opportunity_perms.is_member(person) is True
    outsider = UserFactory(email="outsider@example.org")
    assert opportunity_perms.is_member(outsider) is False


def test_inactive_people_are_not_loaded_for_a_request(client, member):
    client.force_login(member)
    member.is_active = False
    member.save(update_fields=["is_active"])
    response = client.get("/portal/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_person_and_every_fact_come_in_one_query(member, django_assert_num_queries):
    with django_assert_num_queries(1):
        person = roles.person_with_facts(member.pk)
    assert person == member
    assert roles.loaded(person, "member") is True
    assert roles.loaded(person, "leads_pairing") is False
    assert roles.loaded(person, "cochairs") is False


@pytest.mark.parametrize("nonsense", ["abc", "", None, "1; DROP TABLE x", 10**9, -1])
def test_an_id_nobody_has_loads_nobody(db, nonsense):
    assert roles.person_with_facts(nonsense) is None


def test_a_term_starting_tomorrow_counts_from_tomorrow(member, home_page):
    """The compiled query compares with today's date, so it is compiled again each day."""
    network = make_network(home_page)
    tomorrow = timezone.localdate() + timedelta(days=1)
    CoChairFactory(network=network, user=member, term_start=tomorrow)
    assert roles.loaded(roles.person_with_facts(member.pk), "cochairs") is False
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert roles.loaded(roles.person_with_facts(member.pk), "cochairs") is True
