"""A partner raises a concern from the portal and reads back only their own: immediate
risk shows the emergency guidance at once; empty, huge and hostile input is refused
clearly with nothing stored; nobody else's concern can be opened."""

import pytest
from django.urls import reverse

from members.models import MemberProfile
from members.safeguarding import services
from members.safeguarding.models import Concern
from tests.factories import UserFactory
from tests.factories.pairings import make_partner
from tests.members.safeguarding.conftest import raise_one

pytestmark = pytest.mark.django_db
NEW = "/portal/concerns/new/"


def valid(**changes):
    data = {
        "immediate_risk": "no",
        "about": "other",
        "person_concerned": "A participant at the workshop",
        "what_happened": "They said they have nowhere safe to sleep tonight.",
        "happened_on": "",
        "others_involved": "",
    }
    data.update(changes)
    return data


@pytest.fixture
def partner_client(client, partner):
    client.force_login(partner)
    return client


def test_a_partner_with_immediate_risk_is_shown_the_emergency_guidance_at_once(
    partner_client, lead
):
    response = partner_client.post(NEW, valid(immediate_risk="yes"), follow=True)
    concern = Concern.objects.get()
    assert concern.immediate_risk
    assert response.redirect_chain[-1][0] == f"/portal/concerns/{concern.pk}/sent/"
    page = response.content.decode()
    assert "If someone is in danger right now" in page
    assert "Call 999" in page and "NHS 111" in page
    # The guidance comes straight after the heading, before anything else.
    assert page.index("<h1>Your concern was sent") < page.index("Call 999")
    assert page.index("Call 999") < page.index("Thank you for telling us")


def test_without_immediate_risk_the_confirmation_has_no_emergency_section(
    partner_client,
):
    response = partner_client.post(NEW, valid(), follow=True)
    page = response.content.decode()
    assert "Your concern was sent" in page
    assert "If someone is in danger right now" not in page


def test_a_partner_may_raise_a_concern_about_themselves(partner_client):
    partner_client.post(
        NEW, valid(about="self", person_concerned="ignored when about myself")
    )
    concern = Concern.objects.get()
    assert concern.about_self and concern.person_concerned == ""


def test_an_empty_form_is_refused_with_a_summary_and_nothing_stored(partner_client):
    response = partner_client.post(NEW, {})
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Say whether anyone is in immediate danger" in page
    assert "Tell us what happened or what is worrying you" in page
    assert not Concern.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"what_happened": "x" * 5001}, "Keep this to 5,000 characters or fewer"),
        ({"what_happened": "x" * 1_000_000}, "Keep this to 5,000 characters"),
        ({"person_concerned": "x" * 201}, "Keep this to 200 characters or fewer"),
        ({"others_involved": "x" * 2001}, "Keep this to 2,000 characters or fewer"),
        ({"what_happened": "   \u202e  "}, "Tell us what happened"),
        ({"person_concerned": ""}, "Say who the concern is about"),
        ({"happened_on": "2999-01-01"}, "today or in the past"),
        ({"happened_on": "31 2 2026"}, "Enter a real date"),
        ({"happened_on": "1066-10-14"}, "Enter a date after 1900"),
        ({"immediate_risk": "maybe"}, "Choose yes or no"),
        ({"about": "<script>"}, "Choose someone else or yourself"),
        ({"what_happened": "null\x00byte"}, "Null characters are not allowed"),
    ],
)
def test_bad_input_is_refused_clearly_and_nothing_is_stored(
    partner_client, changes, message
):
    response = partner_client.post(NEW, valid(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Concern.objects.exists()


def test_hostile_text_is_stored_plain_and_shown_escaped(partner_client):
    hostile = '<script>alert("x")</script>\u202e <img src=x onerror=alert(1)>'
    partner_client.post(
        NEW, valid(what_happened=hostile, person_concerned="<b>Someone</b>")
    )
    concern = Concern.objects.get()
    assert "\u202e" not in concern.what_happened
    page = partner_client.get(f"/portal/concerns/{concern.pk}/").content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;Someone&lt;/b&gt;" in page


def test_a_partner_reads_back_their_concern_and_its_status_but_not_the_outcome(
    partner_client, partner, lead
):
    concern = raise_one(partner, what_happened="Worried about a friend's bruises.")
    services.close_concern(concern, by=lead, outcome="SECRET-OUTCOME-NOTE")
    listing = partner_client.get("/portal/concerns/").content.decode()
    assert f"/portal/concerns/{concern.pk}/" in listing and "Closed." in listing
    page = partner_client.get(f"/portal/concerns/{concern.pk}/").content.decode()
    assert "Worried about a friend" in page and "Closed on" in page
    assert "SECRET-OUTCOME-NOTE" not in page


def test_a_partner_cannot_open_a_concern_they_did_not_raise(partner_client, staff):
    other = raise_one(make_partner("other.partner@example.org"))
    by_staff = raise_one(staff)
    for concern in (other, by_staff):
        for path in (
            f"/portal/concerns/{concern.pk}/",
            f"/portal/concerns/{concern.pk}/sent/",
        ):
            assert partner_client.get(path).status_code == 404
    listing = partner_client.get("/portal/concerns/").content.decode()
    assert "You have not raised any concerns" in listing


def test_a_member_who_may_not_raise_is_refused_with_where_to_get_help(client, member):
    leader = UserFactory(email="leader@example.org")
    MemberProfile.objects.create(user=leader, member_type="leader")
    for person in (member, leader):
        client.force_login(person)
        response = client.get(NEW)
        assert response.status_code == 403
        assert "call 999" in response.content.decode()
        assert client.post(NEW, valid()).status_code == 403
    assert not Concern.objects.exists()


def test_the_portal_dashboard_offers_partners_a_way_to_raise_a_concern(
    client, partner, member
):
    client.force_login(partner)
    page = client.get("/portal/").content.decode()
    assert "Worried about someone?" in page and reverse("members:raise_concern") in page
    client.force_login(member)
    assert "Worried about someone?" not in client.get("/portal/").content.decode()
