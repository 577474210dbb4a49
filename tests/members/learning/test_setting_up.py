"""Staff set up a learning set with one or two partners, add its sessions (events with a
place for everyone in it) and share resources; every form answers nonsense clearly."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from members.events.models import BookingStatus, EventAudience, EventKind
from members.learning import services
from members.learning.models import LearningSet, SetLeader
from members.payments.models import PaidEvent
from tests.factories.users import UserFactory
from tests.members.learning.conftest import make_leader


def set_form(partner, **overrides):
    return {
        "name": "Listening to carers",
        "focus": "What carers tell commissioners, and what changes.",
        "format": "online",
        "starts_on": "2027-01-10",
        "ends_on": "2027-05-10",
        "places": "6",
        "facilitator": str(partner.pk),
        "bio": "Pat has cared for her mother for ten years.",
        **overrides,
    }


def test_staff_set_up_a_set_and_land_on_its_page(client, staff, partner):
    client.force_login(staff)
    response = client.post(reverse("learning_admin:create"), set_form(partner))
    learning_set = LearningSet.objects.get(name="Listening to carers")
    assert response["Location"] == reverse(
        "learning_admin:detail", args=[learning_set.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "Listening to carers" in page and "6 places for leaders, 6 free" in page
    assert learning_set.facilitators.get().bio.startswith("Pat has cared")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": ""}, "Enter a name for the set"),
        ({"ends_on": "2026-12-01"}, "The last session must be on or after the first"),
        ({"starts_on": "31/02/2027"}, "Enter a real date"),
        ({"places": "9"}, "Select a valid choice"),
        ({"places": "3"}, "Select a valid choice"),
        ({"facilitator": "999999"}, "Select a valid choice"),
        ({"name": "x" * 5000}, "at most 120 characters"),
        ({"focus": "<script>alert(1)</script>" * 200}, "at most 2000 characters"),
    ],
)
def test_nonsense_is_refused_clearly_and_nothing_is_made(
    client, staff, partner, overrides, message
):
    client.force_login(staff)
    response = client.post(
        reverse("learning_admin:create"), set_form(partner, **overrides)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert not LearningSet.objects.exists()


def test_only_partners_facilitate_and_never_the_same_one_twice(client, staff, partner):
    outsider = UserFactory(email="not.partner@example.org")
    with pytest.raises(services.LearningError, match="not a Lived Experience Partner"):
        services.create_set(
            by=staff,
            facilitators=[(outsider, "")],
            name="A",
            focus="B",
            starts_on=datetime.date(2027, 1, 1),
            ends_on=datetime.date(2027, 2, 1),
        )
    client.force_login(staff)
    response = client.post(
        reverse("learning_admin:create"),
        set_form(partner, second_facilitator=str(partner.pk)),
    )
    assert "Choose a different partner, or none" in response.content.decode()
    assert not LearningSet.objects.exists()


def test_a_session_is_an_invited_only_event_with_places_for_the_set(
    learning_set, staff, partner, second_partner, mailoutbox
):
    leader = make_leader("lee@example.org")
    SetLeader.objects.create(learning_set=learning_set, leader=leader)
    starts = timezone.now() + datetime.timedelta(days=7)
    session = services.add_session(
        learning_set,
        by=staff,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
    )
    event = session.event
    assert (event.kind, event.audience) == (
        EventKind.LEARNING_SET,
        EventAudience.INVITED,
    )
    assert event.title == "Power in commissioning: session 1"
    assert set(
        event.bookings.filter(status=BookingStatus.CONFIRMED).values_list(
            "user__email", flat=True
        )
    ) == {"lee@example.org", partner.email, second_partner.email}
    assert PaidEvent.objects.get(event=event).involvement == "learning_set"
    # A second session is numbered on; a session ending before it starts is refused.
    assert (
        services.add_session(
            learning_set,
            by=staff,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=1),
        ).number
        == 2
    )
    with pytest.raises(services.LearningError, match="end after it starts"):
        services.add_session(learning_set, by=staff, starts_at=starts, ends_at=starts)


def test_the_session_form_answers_nonsense(client, staff, learning_set):
    client.force_login(staff)
    url = reverse("learning_admin:add_session", args=[learning_set.pk])
    for data, message in [
        ({}, "Enter the day of the session"),
        ({"day": "2027-03-01", "starts": "25:99", "hours": "2"}, "Enter a time"),
        (
            {"day": "2027-03-01", "starts": "10:00", "hours": "99"},
            "eight hours at most",
        ),
        (
            {"day": "2027-03-01", "starts": "10:00", "hours": "-1"},
            "at least half an hour",
        ),
        (
            {"day": "1999-03-01", "starts": "10:00", "hours": "2"},
            "within the last year",
        ),
    ]:
        response = client.post(url, data)
        assert response.status_code == 400, data
        assert message in response.content.decode(), data
    assert not learning_set.sessions.exists()
    response = client.post(url, {"day": "2027-03-01", "starts": "10:00", "hours": "2"})
    assert response.status_code == 302
    assert learning_set.sessions.get().event.starts_at.hour in (
        10,
        9,
    )  # UK time, stored UTC


def test_a_resource_needs_a_real_link(client, staff, learning_set):
    client.force_login(staff)
    url = reverse("learning_admin:add_resource", args=[learning_set.pk])
    response = client.post(url, {"title": "Guide", "url": "javascript:alert(1)"})
    assert response.status_code == 400
    assert "Enter a full web address" in response.content.decode()
    client.post(url, {"title": "Guide", "url": "https://example.org/guide"})
    assert learning_set.resources.get().url == "https://example.org/guide"


def test_only_programme_staff_reach_the_screens(client, learning_set, partner):
    editor = UserFactory(email="ed@example.org", groups=["Editors"])
    for person, expected in ((editor, 403), (partner, 302)):
        client.force_login(person)
        assert client.get(reverse("learning_admin:index")).status_code == expected


def test_partners_with_in_date_training_are_offered_first_with_the_reason(
    client, staff, partner, second_partner
):
    from members.support.models import TrainingCompletion, TrainingCourse

    course = TrainingCourse.objects.create(name="Facilitating groups", valid_months=24)
    TrainingCompletion.objects.create(
        partner=second_partner,
        course=course,
        completed_on=timezone.localdate() - datetime.timedelta(days=30),
        expires_on=timezone.localdate() + datetime.timedelta(days=300),
    )
    client.force_login(staff)
    page = client.get(reverse("learning_admin:create")).content.decode()
    name = second_partner.get_full_name()
    sam = page.index(f">{name} (Training in date: Facilitating groups (until ")
    pat = page.index(">Pat Jones<")
    assert sam < pat  # Sam is trained, Pat is not: Sam is listed first
