"""When a pairing finishes, each side reads the other's reflection if they agreed to share it,
sees how the pairing ended, and stops being asked for a reflection once they have sent one."""

import pytest

from members.coaching import reflections, services
from members.coaching.models import Pairing
from tests.factories import UserFactory
from tests.factories.pairings import make_pairing, make_partner

S = Pairing.Status
PROMPT = "Please tell us how it went"


@pytest.fixture
def completed(db):
    partner = make_partner("pat.partner@example.org", first_name="Pat")
    leader = UserFactory(
        email="lee.leader@example.org", first_name="Lee", last_name="Leader"
    )
    pairing = make_pairing(partner, S.ACTIVE, leader=leader)
    services.change_status(pairing, "complete", by=leader)
    pairing.refresh_from_db()
    return pairing


def _reflect(pairing, person, role, *, consent, what_changed, quote=False):
    reflections.submit_reflection(
        pairing,
        by=person,
        role=role,
        data={
            "what_changed": what_changed,
            "what_helped": f"{role} found the questions helped.",
            "would_recommend": "yes",
            "anything_else": f"{role} private note to staff",
            "shared_with_other_side": consent,
            "quote_consent": quote,
        },
    )


def _page(client, person, pairing):
    client.force_login(person)
    response = client.get(f"/portal/pairings/{pairing.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_leader_reads_the_partners_consented_reflection_and_the_outcome(
    client, completed
):
    partner = completed.partners.get().partner
    _reflect(completed, partner, "partner", consent=True, what_changed="I speak up.")
    page = _page(client, completed.leader, completed)
    assert "I speak up." in page
    assert "partner found the questions helped." in page
    assert "partner private note to staff" not in page
    assert "This pairing was completed" in page


def test_partner_reads_the_leaders_consented_reflection(client, completed):
    _reflect(
        completed, completed.leader, "leader", consent=True, what_changed="I listen."
    )
    page = _page(client, completed.partners.get().partner, completed)
    assert "I listen." in page
    assert "This pairing was completed" in page


def test_a_reflection_without_consent_stays_with_staff(client, completed):
    partner = completed.partners.get().partner
    _reflect(completed, partner, "partner", consent=False, what_changed="Just for you.")
    page = _page(client, completed.leader, completed)
    assert "Just for you." not in page
    assert "This pairing was completed" in page


def test_the_prompt_goes_once_the_reflection_is_sent(client, completed):
    leader = completed.leader
    assert PROMPT in _page(client, leader, completed)
    _reflect(completed, leader, "leader", consent=False, what_changed="Changed.")
    page = _page(client, leader, completed)
    assert PROMPT not in page
    assert "Write your reflection" not in page
    assert "You sent your reflection" in page
    # The other side is still asked until they answer.
    assert PROMPT in _page(client, completed.partners.get().partner, completed)


def test_agreeing_to_be_quoted_does_not_share_a_reflection(client, completed):
    """Quoting in staff reports and showing the other side are separate choices."""
    partner = completed.partners.get().partner
    _reflect(
        completed,
        partner,
        "partner",
        consent=False,
        quote=True,
        what_changed="Quotable.",
    )
    assert "Quotable." not in _page(client, completed.leader, completed)
