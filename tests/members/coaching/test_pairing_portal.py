"""The pairing pages in the portal: who sees what, consent before contact, and bad input."""

import datetime

import pytest

from members.coaching import services as services
from members.coaching.models import Pairing, PairingSession, Reflection
from members.payments.models import Claim
from tests.factories import UserFactory
from tests.factories.pairings import make_enquiry, make_pairing, make_partner
from website import activity

S = Pairing.Status
NASTY = [
    "",
    "x" * 5000,
    "bad\x00null",
    '<script>alert("x")</script>',
    "🙂🙂🙂",
]


@pytest.fixture
def partner(db):
    return make_partner("pat.partner@example.org", first_name="Pat")


@pytest.fixture
def leader(db):
    return UserFactory(
        email="lee.leader@example.org", first_name="Lee", last_name="Leader"
    )


@pytest.fixture
def active(partner, leader):
    pairing = make_pairing(partner, S.ACTIVE, leader=leader)
    pairing.enquiry.organisation = "Example County Council"
    pairing.enquiry.save()
    return pairing


def url(pairing, name=""):
    return f"/portal/pairings/{pairing.pk}/" + (f"{name}/" if name else "")


# Permission matrix -------------------------------------------------------------------

PAGES = ["", "sessions/new", "pause", "complete", "end_early"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("leader", 200),
        ("partner", 200),
        ("member_other", 404),
        ("staff", 404),
        ("editor", 404),
        ("anonymous", 302),
    ],
)
def test_permission_matrix_for_an_active_pairing(
    client, request, active, page, who, status
):
    if who != "anonymous":
        user = (
            active.leader
            if who == "leader"
            else (
                active.partners.get().partner
                if who == "partner"
                else request.getfixturevalue(who)
            )
        )
        client.force_login(user)
    response = client.get(url(active, page))
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith("/accounts/login/")


def test_the_old_claim_page_is_for_the_partner_only_and_leads_to_payments(
    client, active
):
    client.force_login(active.leader)
    assert client.get(url(active, "claims/new")).status_code == 404
    client.force_login(active.partners.get().partner)
    response = client.get(url(active, "claims/new"))
    assert response["Location"] == "/portal/payments/"


def test_another_partners_pairing_is_404(client, active):
    other = make_partner("other.partner@example.org")
    client.force_login(other)
    assert client.get(url(active)).status_code == 404
    assert client.post(url(active, "complete"), {"note": ""}).status_code == 404
    assert Pairing.objects.get(pk=active.pk).status == S.ACTIVE


def test_leader_sees_nothing_before_introduction(client, partner, leader):
    pairing = make_pairing(partner, S.PARTNER_ACCEPTED)
    pairing.leader = leader
    pairing.save()
    client.force_login(leader)
    assert client.get(url(pairing)).status_code == 404


def test_unknown_action_is_404(client, active):
    client.force_login(active.leader)
    assert client.get(url(active, "explode")).status_code == 404


# Consent before contact ----------------------------------------------------------------


def test_invited_partner_sees_role_type_region_and_focus_but_no_contact(
    client, partner
):
    pairing = make_pairing(partner, S.PARTNER_INVITED)
    enquiry = pairing.enquiry
    client.force_login(partner)
    for page in ("", "respond"):
        html = client.get(url(pairing, page)).content.decode()
        assert "Director of Adult Social Care" in html
        assert "Local authority adult social care" in html
        assert pairing.region_name in html
        assert "carers strategy" in html
        assert enquiry.email not in html
        assert enquiry.full_name not in html
        assert enquiry.organisation not in html


def test_partner_sees_leader_contact_after_accepting_and_introduction(client, active):
    client.force_login(active.partners.get().partner)
    html = client.get(url(active)).content.decode()
    assert "lee.leader@example.org" in html
    assert "Lee Leader" in html
    assert "Example County Council" in html


def test_accepted_partner_before_introduction_still_has_no_contact(client, partner):
    pairing = make_pairing(partner, S.PARTNER_ACCEPTED)
    client.force_login(partner)
    html = client.get(url(pairing)).content.decode()
    assert pairing.enquiry.email not in html
    assert "after you accept and programme staff introduce you" in html


def test_leader_sees_partner_first_name_and_bio_not_email(client, active):
    partner = active.partners.get().partner
    # A surname no page has in it by chance (a random one, "Chan", is in "Change").
    partner.last_name = "Quillbrook"
    partner.save(update_fields=["last_name"])
    client.force_login(active.leader)
    html = client.get(url(active)).content.decode()
    assert "Pat" in html
    assert "lived with a long-term condition" in html
    assert "pat.partner@example.org" not in html
    assert partner.last_name not in html


# Responding ------------------------------------------------------------------------------


def test_partner_accepts_through_the_portal(client, partner):
    pairing = make_pairing(partner, S.PARTNER_INVITED)
    client.force_login(partner)
    response = client.post(
        url(pairing, "respond"), {"decision": "accept", "reason": ""}
    )
    assert response.status_code == 302
    assert Pairing.objects.get(pk=pairing.pk).status == S.PARTNER_ACCEPTED
    response = client.post(
        url(pairing, "respond"), {"decision": "accept", "reason": ""}, follow=True
    )
    assert "already accepted" in response.content.decode()


def test_declined_partner_cannot_accept_later_through_the_portal(client, partner):
    pairing = make_pairing(partner, S.PARTNER_INVITED)
    client.force_login(partner)
    client.post(url(pairing, "respond"), {"decision": "decline", "reason": "Too busy"})
    response = client.post(url(pairing, "respond"), {"decision": "accept"}, follow=True)
    assert "declined this pairing" in response.content.decode()
    assert Pairing.objects.get(pk=pairing.pk).status == S.PARTNER_DECLINED


def test_respond_without_a_choice_shows_the_error(client, partner):
    pairing = make_pairing(partner, S.PARTNER_INVITED)
    client.force_login(partner)
    response = client.post(url(pairing, "respond"), {"reason": "bad\x00"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Choose whether you accept or decline" in html


def test_dashboard_shows_the_invitation_as_a_task(client, partner):
    pairing = make_pairing(partner, S.PARTNER_INVITED)
    client.force_login(partner)
    html = client.get("/portal/").content.decode()
    assert f"Respond to {pairing.reference}" in html
    assert "Your coaching and mentoring" in html


def test_dashboard_has_no_pairing_panel_for_other_members(client, member_other):
    client.force_login(member_other)
    html = client.get("/portal/").content.decode()
    assert "Your coaching and mentoring" not in html


def test_dashboard_query_count_does_not_grow_with_pairings(
    client, partner, django_assert_max_num_queries
):
    for _ in range(2):
        make_pairing(partner, S.PARTNER_INVITED)
    client.force_login(partner)
    client.get("/portal/")
    with django_assert_max_num_queries(40) as few:
        client.get("/portal/")
    for _ in range(6):
        make_pairing(partner, S.ACTIVE)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/portal/")


# Sessions ----------------------------------------------------------------------------------


def test_leader_records_a_session(client, active):
    client.force_login(active.leader)
    response = client.post(
        url(active, "sessions/new"),
        {
            "date": datetime.date.today().isoformat(),
            "duration_minutes": "60",
            "mode": "online",
        },
    )
    assert response.status_code == 302
    session = active.sessions.get()
    assert (session.duration_minutes, session.mode, session.recorded_by) == (
        60,
        "online",
        active.leader,
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter the date of the session"),
        (
            {"date": "2026-02-30", "duration_minutes": "60", "mode": "online"},
            "Enter a real date",
        ),
        (
            {"date": "2999-01-01", "duration_minutes": "60", "mode": "online"},
            "today or in the past",
        ),
        (
            {"date": "2026-01-01", "duration_minutes": "-5", "mode": "online"},
            "at least 5 minutes",
        ),
        (
            {"date": "2026-01-01", "duration_minutes": "9999", "mode": "online"},
            "at most 480",
        ),
        (
            {"date": "2026-01-01", "duration_minutes": "🙂", "mode": "online"},
            "whole number",
        ),
        (
            {"date": "2026-01-01", "duration_minutes": "60", "mode": "<script>"},
            "Select a valid choice",
        ),
        (
            {"date": "x\x00", "duration_minutes": "60", "mode": "online"},
            "There is a problem",
        ),
    ],
)
def test_bad_session_input_gets_a_clear_message(client, active, data, message):
    client.force_login(active.leader)
    response = client.post(url(active, "sessions/new"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PairingSession.objects.exists()


def test_session_form_never_asks_for_content(client, active):
    client.force_login(active.leader)
    html = client.get(url(active, "sessions/new")).content.decode()
    assert "<textarea" not in html


# Reflections ----------------------------------------------------------------------------


def test_both_sides_reflect_once_after_completion(client, active):
    services.change_status(active, "complete", by=active.leader)
    data = {
        "what_changed": "I listen first.",
        "what_helped": "Honest questions.",
        "would_recommend": "yes",
        "anything_else": "",
        "quote_consent": "on",
    }
    for person, role in (
        (active.leader, "leader"),
        (active.partners.get().partner, "partner"),
    ):
        client.force_login(person)
        assert client.post(url(active, "reflection"), data).status_code == 302
        again = client.post(url(active, "reflection"), data, follow=True)
        assert "already sent your reflection" in again.content.decode()
        assert Reflection.objects.get(pairing=active, role=role).author == person


def test_reflection_refused_while_active(client, active):
    client.force_login(active.leader)
    response = client.get(url(active, "reflection"), follow=True)
    assert "Reflections open when the pairing has finished" in response.content.decode()


@pytest.mark.parametrize("text", NASTY)
def test_reflection_bad_input(client, active, text):
    services.change_status(active, "complete", by=active.leader)
    client.force_login(active.leader)
    response = client.post(
        url(active, "reflection"),
        {"what_changed": text, "what_helped": "ok", "would_recommend": "yes"},
    )
    if text in ("🙂🙂🙂", '<script>alert("x")</script>'):
        assert response.status_code == 302
        saved = Reflection.objects.get()
        assert saved.what_changed == text
    else:
        assert response.status_code == 200
        assert "There is a problem" in response.content.decode()
        assert "<script>alert" not in response.content.decode()


# Status changes from the portal -----------------------------------------------------------


def test_end_early_needs_a_reason_in_the_portal(client, active):
    client.force_login(active.leader)
    response = client.post(url(active, "end_early"), {"note": ""})
    assert "Say why the pairing is ending early" in response.content.decode()
    client.post(url(active, "end_early"), {"note": "New job"})
    assert Pairing.objects.get(pk=active.pk).status == S.ENDED_EARLY


def test_completing_a_paused_pairing_twice_from_two_tabs(client, active):
    client.force_login(active.leader)
    client.post(url(active, "complete"), {"note": ""})
    response = client.post(url(active, "complete"), {"note": ""}, follow=True)
    assert "Nothing was changed" in response.content.decode()
    assert activity.for_record(active).filter(to_state=S.COMPLETED).count() == 1


def test_list_shows_only_my_pairings(client, active, partner):
    mine = make_pairing(partner, S.PARTNER_INVITED)
    someone_else = make_pairing(make_partner("x@example.org"), S.ACTIVE)
    client.force_login(partner)
    html = client.get("/portal/pairings/").content.decode()
    assert mine.reference in html and active.reference in html
    assert someone_else.reference not in html


def test_leader_enquiry_without_pairing_unaffected(client, db):
    make_enquiry()
    assert Claim.objects.count() == 0
