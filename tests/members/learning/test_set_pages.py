"""A set's page in the portal: what leaders see (first names and organisations only of
those who agreed), what facilitators see besides (attendance, their private notes), and
nothing for anyone outside the set; attendance marked by a facilitator pays only them."""

import datetime

from django.urls import reverse
from django.utils import timezone

from members.learning import services
from members.learning.models import SetLeader
from members.payments.models import Claim
from tests.factories.payments import make_rate
from tests.members.learning.conftest import make_leader


def add_leaders(learning_set):
    shown = make_leader("ann@example.org", "Ann")
    hidden = make_leader("bob@example.org", "Bob")
    SetLeader.objects.create(
        learning_set=learning_set,
        leader=shown,
        organisation="Riverside",
        share_with_set=True,
    )
    SetLeader.objects.create(
        learning_set=learning_set,
        leader=hidden,
        organisation="Hilltop",
        share_with_set=False,
    )
    return shown, hidden


def held_session(learning_set, staff):
    now = timezone.now()
    return services.add_session(
        learning_set,
        by=staff,
        starts_at=now - datetime.timedelta(days=1),
        ends_at=now - datetime.timedelta(days=1, hours=-2),
        tell=False,
    )


def test_a_leader_sees_the_set_and_only_who_agreed_to_be_shown(
    client, staff, learning_set
):
    shown, hidden = add_leaders(learning_set)
    session = held_session(learning_set, staff)
    services.save_note(session, by=None, text="Bob was quiet; check in with him.")
    client.force_login(shown)
    page = client.get(
        reverse("members:learning_set", args=[learning_set.pk])
    ).content.decode()
    assert "Pat has lived with diabetes" in page and "Sam cares for a son" in page
    assert "Jones" not in page  # facilitators by first name only
    assert "Ann, Riverside (you)" in page
    assert "Bob" not in page and "Hilltop" not in page
    assert "1 other leader has chosen not to be listed" in page
    assert "check in with him" not in page and "Mark attendance" not in page
    client.force_login(hidden)
    page = client.get(
        reverse("members:learning_set", args=[learning_set.pk])
    ).content.decode()
    assert "Ann, Riverside" in page and "Bob, Hilltop (you)" in page
    assert "do not see your name" in page


def test_facilitators_see_attendance_and_keep_a_private_note(
    client, staff, learning_set, partner
):
    shown, _hidden = add_leaders(learning_set)
    held_session(learning_set, staff)
    client.force_login(partner)
    page = client.get(
        reverse("members:learning_set", args=[learning_set.pk])
    ).content.decode()
    assert "Bob, Hilltop" in page and "not shown to the others" in page
    assert "Mark attendance" in page
    note_url = reverse("members:learning_session_note", args=[learning_set.pk, 1])
    response = client.post(note_url, {"note": "  Ann led well. <b>Follow up</b>  "})
    assert response.status_code == 302
    note = learning_set.sessions.get().facilitators_note
    assert note == "Ann led well. <b>Follow up</b>"
    form = client.get(note_url).content.decode()
    assert "&lt;b&gt;Follow up&lt;/b&gt;" in form and "<b>Follow up" not in form
    for nonsense, message in (("x" * 6000, "at most 5000"), ("a\x00b", "Null char")):
        response = client.post(note_url, {"note": nonsense})
        assert response.status_code == 400 and message in response.content.decode()
    client.force_login(shown)
    assert client.get(note_url).status_code == 404


def test_nobody_outside_the_set_opens_it(client, staff, learning_set, member):
    client.force_login(member)
    url = reverse("members:learning_set", args=[learning_set.pk])
    assert client.get(url).status_code == 404
    client.force_login(staff)  # staff use the admin; the portal page is for the set
    assert client.get(url).status_code == 404
    assert (
        "Power in commissioning" not in client.get("/portal/learning/").content.decode()
    )


def test_a_facilitator_marks_attendance_and_only_facilitators_are_paid(
    client, staff, learning_set, partner, second_partner
):
    make_rate(involvement="learning_set", fee="75.00", unit="session")
    shown, hidden = add_leaders(learning_set)
    session = held_session(learning_set, staff)
    bookings = {b.user_id: b.pk for b in session.event.bookings.all()}
    client.force_login(partner)
    response = client.post(
        reverse("members:event_attendance", args=[session.event.slug]),
        {
            "listed": ",".join(str(pk) for pk in bookings.values()),
            "attended": [
                bookings[partner.pk],
                bookings[shown.pk],
                bookings[second_partner.pk],
            ],
        },
    )
    assert response.status_code == 302
    assert set(Claim.objects.values_list("person__email", flat=True)) == {
        partner.email,
        second_partner.email,
    }
    assert session.event.bookings.get(user=shown).attended is True
    assert session.event.bookings.get(user=hidden).attended is False


def test_the_set_page_costs_the_same_for_a_bigger_set(
    client, staff, learning_set, partner, django_assert_max_num_queries
):
    add_leaders(learning_set)
    for _ in range(2):
        held_session(learning_set, staff)
    client.force_login(partner)
    url = reverse("members:learning_set", args=[learning_set.pk])
    client.get(url)
    with django_assert_max_num_queries(15) as small:
        client.get(url)
    for n in range(3):
        SetLeader.objects.create(
            learning_set=learning_set, leader=make_leader(f"x{n}@example.org")
        )
        held_session(learning_set, staff)
        services.add_resource(
            learning_set, by=staff, title=f"R{n}", url="https://example.org/r"
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)
    with django_assert_max_num_queries(15):
        assert client.get("/portal/learning/").status_code == 200


def finish(learning_set, staff):
    """Every session of the set is over."""
    return held_session(learning_set, staff)


def test_reflections_open_when_the_last_session_is_over(
    client, staff, learning_set, partner
):
    shown, _hidden = add_leaders(learning_set)
    SetLeader.objects.filter(leader=shown).update(confidence_before=2)
    url = reverse("members:learning_reflection", args=[learning_set.pk])
    client.force_login(shown)
    assert client.get(url).status_code == 404  # no session held yet
    later = timezone.now() + datetime.timedelta(days=5)
    services.add_session(
        learning_set,
        by=staff,
        starts_at=later,
        ends_at=later + datetime.timedelta(hours=2),
        tell=False,
    )
    finish(learning_set, staff)
    assert client.get(url).status_code == 404  # one still to come
    learning_set.sessions.filter(number=1).update(number=9)  # keep numbers unique
    from members.events.models import Event

    Event.objects.filter(learning_session__learning_set=learning_set).update(
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=2, hours=-2),
    )
    dashboard = client.get("/portal/").content.decode()
    assert "tell us what changed for you in a short reflection" in dashboard
    empty = client.post(url, {})
    assert empty.status_code == 400
    for message in ("Tell us what has changed for you", "Choose a number from 1 to 5"):
        assert message in empty.content.decode()
    response = client.post(
        url,
        {
            "what_changed": "I now ask who is missing from the room.",
            "what_helped": "Hearing Pat's story.",
            "would_recommend": "yes",
            "confidence": "4",
            "quote_consent": "on",
        },
    )
    assert response.status_code == 302
    assert SetLeader.objects.get(leader=shown).confidence_after == 4
    again = client.post(url, {"what_changed": "x", "what_helped": "y"})
    assert "You sent your reflection" in again.content.decode()
    assert "short reflection" not in client.get("/portal/").content.decode()
    # Facilitators answer the same questions, without the confidence one.
    client.force_login(partner)
    page = client.get(url).content.decode()
    assert "What helped most?" in page and "How confident" not in page
    # Staff see the quote (no name) and no average from a single answer.
    client.force_login(staff)
    detail = client.get(reverse("learning_admin:detail", args=[learning_set.pk]))
    assert "I now ask who is missing from the room." in detail.content.decode()
    index = client.get(reverse("learning_admin:index")).content.decode()
    assert "Fewer than 3 leaders have answered both times so far (1)" in index


def test_confidence_is_reported_only_as_an_average_of_three_or_more(
    staff, learning_set
):
    from members.learning import reflections

    for n, (before, after) in enumerate([(1, 3), (2, 4), (3, 5)]):
        SetLeader.objects.create(
            learning_set=learning_set,
            leader=make_leader(f"c{n}@example.org"),
            confidence_before=before,
            confidence_after=after,
        )
    assert reflections.confidence_figures() == {"n": 3, "before": 2.0, "after": 4.0}


def test_a_facilitator_asking_for_a_debrief_can_go_back_to_the_set(
    client, staff, learning_set, partner
):
    session = held_session(learning_set, staff)
    client.force_login(partner)
    page = client.get(
        reverse("members:debrief_ask") + f"?event={session.event_id}"
    ).content.decode()
    back = reverse("members:learning_set", args=[learning_set.pk])
    assert f'<a href="{back}">Go back without asking</a>' in page
