"""People for the safeguarding tests: a partner who raises concerns, a designated lead,
and a helper that raises one through the service."""

import pytest

from members.safeguarding import services
from tests.factories import UserFactory
from tests.factories.pairings import make_partner


@pytest.fixture
def partner(db):
    return make_partner("partner@example.org", first_name="Pat", last_name="Partner")


@pytest.fixture
def lead(db):
    return UserFactory(
        email="lead@example.org", first_name="Sasha", groups=["Safeguarding leads"]
    )


def raise_one(by, **values):
    return services.raise_concern(
        by=by,
        what_happened=values.pop(
            "what_happened", "A worry about someone at a meeting."
        ),
        person_concerned=values.pop("person_concerned", "A participant"),
        **values,
    )
