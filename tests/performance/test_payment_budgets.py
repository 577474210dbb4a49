"""The person's payment pages and the finance screens make the same number of queries with
1× and 20× the claims (issue 20), all within the portal's budget of 15, with cold caches.

The claims come from `seed_payments`, the command `make bench --volume` fills the bench
database with, so the bench and this test measure the same shape of data.
"""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from members.payments.models import Claim, ClaimStatus, PaymentPreference
from members.payments.totals import tax_year
from tests.factories.payments import make_finance, make_rate
from tests.factories.users import UserFactory
from tests.performance.test_query_budgets import PORTAL_TARGET, count_queries

PEOPLE = 50
LINES = 400


def add_people(count):
    User = get_user_model()
    have = User.objects.filter(email__endswith="@volume.example.org").count()
    User.objects.bulk_create(
        User(email=f"member{n}@volume.example.org", first_name=f"Member{n}")
        for n in range(have, count)
    )


def grow(times):
    add_people(PEOPLE * times)
    call_command("seed_payments", lines=LINES * times, people=PEOPLE * times)


@pytest.fixture
def ledger_site(db, settings):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 0
    for involvement in ("network_meeting", "event", "opportunity", "coaching_session"):
        make_rate(involvement=involvement, cost_code="CP-1", strand="Networks")
    partner = UserFactory(email="partner@example.org", groups=["Members"])
    PaymentPreference.objects.create(
        user=partner,
        choice="fee_and_expenses",
        on_benefits=True,
        weekly_limit=Decimal("100.00"),
        year_limit=Decimal("1500.00"),
    )
    return partner, make_finance()


def urls(partner):
    year = tax_year(datetime.date.today())[0].year
    claim = Claim.objects.filter(person=partner).order_by("pk").first()
    other = Claim.objects.exclude(person=partner).order_by("pk").first()
    return {
        "person": {
            "my payments": "/portal/payments/",
            "my statement": f"/portal/payments/statement/{year}/",
            "my claim": f"/portal/payments/{claim.pk}/",
        },
        "finance": {
            "queue": reverse("payments_admin:queue"),
            "queue, approved": reverse("payments_admin:queue") + "?status=approved",
            "figures": reverse("payments_admin:figures"),
            "statement": reverse("payments_admin:statement", args=[partner.pk, year]),
            "claim": reverse("payments_admin:claim", args=[other.pk]),
        },
    }


def measure(client, who, pages):
    client.force_login(who)
    for url in pages.values():  # the site's settings and Wagtail's rows exist first
        client.get(url)
    return {name: count_queries(client, url) for name, url in pages.items()}


def test_payment_pages_cost_the_same_at_twenty_times_the_claims(client, ledger_site):
    partner, finance = ledger_site
    grow(1)
    small = urls(partner)
    small_counts = {
        **measure(client, partner, small["person"]),
        **measure(client, finance, small["finance"]),
    }
    grow(20)
    assert Claim.objects.count() == LINES * 10  # two lines a claim
    assert Claim.objects.filter(person=partner, status=ClaimStatus.PAID).exists()
    large = urls(partner)
    large_counts = {
        **measure(client, partner, large["person"]),
        **measure(client, finance, large["finance"]),
    }
    print(
        "payment queries, 1× → 20×:",
        {n: (small_counts[n], c) for n, c in large_counts.items()},
    )
    for name, count in large_counts.items():
        assert count <= small_counts[name], f"{name}: {small_counts[name]} → {count}"
        assert count <= PORTAL_TARGET, f"{name}: {count} queries"
