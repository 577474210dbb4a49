"""A leader's and a facilitator's learning pages make the same number of queries with 1×
and 20× the sets, sessions and people, within the portal's budget (issue 21)."""

import datetime

from django.utils import timezone

from members.learning import services
from members.learning.models import SetLeader
from tests.factories.pairings import make_partner
from tests.factories.users import UserFactory
from tests.performance.test_query_budgets import PORTAL_TARGET, count_queries

_made = iter(range(1, 10_000))


def a_set(staff, partner, leaders):
    learning_set = services.create_set(
        by=staff,
        facilitators=[(partner, "A partner.")],
        name=f"Set {next(_made)}",
        focus="Sharing power",
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2027, 1, 1),
        places=8,
    )
    for leader in leaders:
        SetLeader.objects.create(learning_set=learning_set, leader=leader)
    now = timezone.now()
    for days in (-30, -15, 15):
        services.add_session(
            learning_set,
            by=staff,
            starts_at=now + datetime.timedelta(days=days),
            ends_at=now + datetime.timedelta(days=days, hours=2),
            tell=False,
        )
    return learning_set


def grow(staff, times):
    for _ in range(times):
        partner = make_partner(f"p{next(_made)}@example.org")
        leaders = [UserFactory(email=f"l{next(_made)}@example.org") for _ in range(6)]
        a_set(staff, partner, leaders)


def measure(client, person, urls):
    client.force_login(person)
    for url in urls.values():
        client.get(url)
    return {name: count_queries(client, url) for name, url in urls.items()}


def test_learning_pages_cost_the_same_at_twenty_times_the_sets(client, staff, settings):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 0
    partner = make_partner("facilitator@example.org")
    leader = UserFactory(email="the.leader@example.org")
    mine = a_set(staff, partner, [leader])
    urls = {
        "index": "/portal/learning/",
        "set": f"/portal/learning/{mine.pk}/",
        "home": "/portal/",
    }
    grow(staff, 1)
    small = {
        "leader": measure(client, leader, urls),
        "partner": measure(client, partner, urls),
    }
    grow(staff, 19)
    large = {
        "leader": measure(client, leader, urls),
        "partner": measure(client, partner, urls),
    }
    print("learning queries, 1× → 20×:", small, large)
    for who in small:
        for name, count in large[who].items():
            assert count <= small[who][name], (
                f"{who} {name}: {small[who][name]} → {count}"
            )
            assert count <= PORTAL_TARGET, f"{who} {name}: {count} queries"
