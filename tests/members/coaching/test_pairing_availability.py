"""Partners keep their capacity and experience areas up to date for matching."""

import pytest

from members.coaching.models import PartnerAvailability
from tests.factories.pairings import make_partner

URL = "/portal/pairings/availability/"


@pytest.fixture
def partner(db):
    return make_partner("pat.partner@example.org")


def test_partner_saves_availability(client, partner):
    client.force_login(partner)
    response = client.post(
        URL,
        {
            "capacity": "3",
            "accepting": "on",
            "unavailable_until": "2026-12-01",
            "experience_areas": ["coaching", "coproduction"],
        },
    )
    assert response.status_code == 302
    saved = PartnerAvailability.objects.get(user=partner)
    assert saved.capacity == 3 and saved.experience_areas == [
        "coaching",
        "coproduction",
    ]
    assert str(saved.unavailable_until) == "2026-12-01"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter a number from 1 to 10"),
        ({"capacity": "0"}, "Enter a number from 1 to 10"),
        ({"capacity": "11"}, "Enter a number from 1 to 10"),
        ({"capacity": "🙂"}, "Enter a number from 1 to 10"),
        ({"capacity": "1", "unavailable_until": "31/31/2026"}, "Enter a real date"),
        ({"capacity": "1", "experience_areas": ["<script>"]}, "Choose from the list"),
    ],
)
def test_bad_availability_input(client, partner, data, message):
    client.force_login(partner)
    response = client.post(URL, data)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_leaders_and_other_members_cannot_use_it(client, member):
    client.force_login(member)
    assert client.get(URL).status_code == 404
