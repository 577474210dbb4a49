"""A learning set for the tests: two facilitating partners, set up by programme staff."""

import datetime

import pytest

from members.learning import services
from tests.factories.pairings import make_partner
from tests.factories.users import UserFactory


@pytest.fixture
def partner(db):
    return make_partner("pat.partner@example.org", first_name="Pat", last_name="Jones")


@pytest.fixture
def second_partner(db):
    return make_partner("sam.partner@example.org", first_name="Sam")


@pytest.fixture
def learning_set(db, staff, partner, second_partner):
    return services.create_set(
        by=staff,
        facilitators=[
            (partner, "Pat has lived with diabetes for thirty years."),
            (second_partner, "Sam cares for a son with autism."),
        ],
        name="Power in commissioning",
        focus="Handing real decisions to people who use services.",
        starts_on=datetime.date(2026, 1, 10),
        ends_on=datetime.date(2027, 6, 1),
        places=5,
    )


def make_leader(email, first_name="Lee"):
    return UserFactory(email=email, first_name=first_name)
