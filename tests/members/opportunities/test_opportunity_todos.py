"""An offered place and interests waiting for review appear where people look first."""

import pytest
from django.test import Client

from tests.factories import UserFactory
from tests.factories.opportunities import (
    InterestFactory,
    ensure_index,
    make_opportunity,
)


@pytest.fixture
def opportunity(home_page):
    return make_opportunity(
        ensure_index(home_page), title="Patient panel for the new ward"
    )


def test_an_offered_place_is_on_the_members_things_to_do(client, member, opportunity):
    interest = InterestFactory(opportunity=opportunity, member=member, status="offered")
    client.force_login(member)
    html = client.get("/portal/").content.decode()
    assert "You have been offered a place: Patient panel for the new ward" in html
    assert f'href="/portal/interests/{interest.pk}/"' in html
    assert "You are all up to date" not in html


def test_the_offer_leaves_things_to_do_once_answered(client, member, opportunity):
    InterestFactory(opportunity=opportunity, member=member, status="accepted")
    client.force_login(member)
    html = client.get("/portal/").content.decode()
    assert "You have been offered a place" not in html


def test_another_members_offer_is_not_shown(client, member, member_other, opportunity):
    InterestFactory(opportunity=opportunity, member=member_other, status="offered")
    client.force_login(member)
    assert (
        "You have been offered a place" not in client.get("/portal/").content.decode()
    )


def test_staff_see_interests_waiting_for_review_on_the_admin_home(staff, opportunity):
    for n in range(3):
        InterestFactory(
            opportunity=opportunity,
            member=UserFactory(email=f"keen{n}@example.org", groups=["Members"]),
        )
    InterestFactory(
        opportunity=opportunity,
        member=UserFactory(email="done@example.org", groups=["Members"]),
        status="shortlisted",
    )
    client = Client()
    client.force_login(staff)
    html = client.get("/admin/").content.decode()
    assert (
        "3 new expressions of interest to review: Patient panel for the new ward"
        in html
    )
    assert f"opportunity={opportunity.pk}" in html


def test_editors_are_not_given_interest_reviews(editor, member, opportunity):
    InterestFactory(opportunity=opportunity, member=member)
    client = Client()
    client.force_login(editor)
    assert "to review: Patient panel" not in client.get("/admin/").content.decode()


def test_an_offer_says_when_to_reply_by(client, member, home_page):
    from datetime import date, timedelta

    starts = date.today() + timedelta(days=40)
    opportunity = make_opportunity(
        ensure_index(home_page), title="Research advisory group", starts_on=starts
    )
    InterestFactory(opportunity=opportunity, member=member, status="offered")
    client.force_login(member)
    html = client.get("/portal/").content.decode()
    assert "You have been offered a place: Research advisory group" in html
    assert f"by {starts.day} {starts:%B %Y}" in html
