"""The optional equality questions in the portal: asked once with the reason, every
question skippable, "I'd rather not answer any of these", changeable later, seen by no one
else, in the person's download and gone with their account."""

import pytest
from django.urls import reverse

from members.impact.models import EqualityAnswers
from website import dataexport

pytestmark = pytest.mark.django_db
URL = reverse("members:about_you")


def test_the_page_says_why_and_that_every_question_is_optional(client, member):
    client.force_login(member)
    page = client.get(URL).content.decode()
    assert "help us see who takes part" in page
    assert "Every question is optional" in page
    assert page.count(">Prefer not to say</label>") == 4
    assert "I’d rather not answer any of these" in page


def test_a_member_answers_some_and_skips_the_rest(client, member):
    client.force_login(member)
    response = client.post(URL, {"age_band": "45_54", "carer": "prefer_not"})
    assert response.status_code == 302 and response["Location"] == "/portal/"
    answers = EqualityAnswers.objects.get(user=member)
    assert (answers.age_band, answers.ethnicity, answers.disability, answers.carer) == (
        "45_54",
        "",
        "",
        "prefer_not",
    )
    assert not answers.declined


def test_declining_keeps_no_answers_and_can_be_changed_later(client, member):
    client.force_login(member)
    client.post(URL, {"age_band": "45_54", "declined": "on"})
    answers = EqualityAnswers.objects.get(user=member)
    assert answers.declined and answers.age_band == ""
    client.post(URL, {"ethnicity": "mixed"})
    answers.refresh_from_db()
    assert not answers.declined and answers.ethnicity == "mixed"
    assert EqualityAnswers.objects.filter(user=member).count() == 1
    form = client.get(URL).context["form"]
    assert form["ethnicity"].value() == "mixed"


@pytest.mark.parametrize(
    "data",
    [
        {"age_band": "999"},
        {"ethnicity": "<script>alert(1)</script>"},
        {"disability": "x" * 10000},
    ],
)
def test_nonsense_answers_are_refused_next_to_the_question(client, member, data):
    client.force_login(member)
    response = client.post(URL, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Choose one of the answers, or leave it blank" in page
    assert "<script>alert(1)</script>" not in page
    assert not EqualityAnswers.objects.exists()


def test_answers_are_never_shown_to_anyone_else(client, member, member_other, staff):
    EqualityAnswers.objects.create(user=member, ethnicity="mixed", age_band="75_plus")
    for other in (member_other, staff):
        client.force_login(other)
        response = client.get(URL)
        assert response.context["form"]["age_band"].value() is None
        assert "You last answered" not in response.content.decode()


def test_a_gentle_things_to_do_item_until_answered_or_declined(client, member):
    client.force_login(member)
    portal = client.get("/portal/").content.decode()
    assert "Answer the optional questions about you" in portal
    client.post(URL, {"declined": "on"})
    portal = client.get("/portal/").content.decode()
    assert "Answer the optional questions about you" not in portal


def test_the_things_to_do_item_asks_the_database_nothing_more(client, member):
    """Whether the person has answered is read with them, in the query that loads them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(member)
    client.get("/portal/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/portal/")
    own = [
        q["sql"]
        for q in queries.captured_queries
        if 'FROM "members_equalityanswers"' in q["sql"] and "EXISTS" not in q["sql"]
    ]
    assert own == []


def test_answers_are_in_the_download_and_gone_on_erasure(member):
    EqualityAnswers.objects.create(user=member, ethnicity="mixed")
    sections = {s.key: s for s in dataexport.sections_for(member)}
    assert sections["equality_monitoring"].records[0]["ethnicity"] == "mixed"
    dataexport.erase_for(member)
    assert not EqualityAnswers.objects.filter(user=member).exists()
