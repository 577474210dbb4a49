"""Debriefs: a partner asks after a session; partner support staff are told (no details),
see it in things to do and their list, and mark it arranged or done; the leader never sees
it anywhere."""

import datetime
import json
import re

import pytest
from django.core import mail
from django.urls import reverse
from post_office.models import Email

from members.coaching import sessions
from members.coaching.models import Pairing
from members.support import debriefs
from members.support.models import DebriefRequest
from tests.factories import UserFactory
from tests.factories.pairings import make_pairing, make_partner
from website import todo
from website.dataexport import sections_for

pytestmark = pytest.mark.django_db
S = DebriefRequest.Status
SECRET_NOTE = "The leader's story about my mum's care upset me"


@pytest.fixture
def support(db):
    return UserFactory(
        email="support@example.org", first_name="Sam", groups=["Partner support"]
    )


@pytest.fixture
def pairing(db):
    partner = make_partner("pat.partner@example.org", first_name="Pat")
    return make_pairing(partner, Pairing.Status.ACTIVE)


@pytest.fixture
def partner(pairing):
    return pairing.partners.get().partner


@pytest.fixture
def session(pairing, partner):
    return sessions.record_session(
        pairing,
        by=partner,
        date=datetime.date(2026, 11, 2),
        duration_minutes=60,
        mode="online",
    )


def ask_url(session):
    return reverse("members:debrief_ask") + f"?session={session.pk}"


def _all_mail_text():
    return " ".join(
        f"{e.to} {e.subject} {e.message} {e.html_message}" for e in Email.objects.all()
    ) + " ".join(f"{m.to} {m.subject} {m.body}" for m in mail.outbox)


# --- the service -----------------------------------------------------------------------


def test_partner_asks_and_support_staff_are_told_without_details(
    partner, session, support, staff
):
    debrief = debriefs.ask(partner, coaching_session=session, note=SECRET_NOTE)
    assert debrief.status == S.WAITING and not debrief.repeated
    emails = list(Email.objects.filter(subject="A partner asked for a debrief"))
    assert [e.to for e in emails] == [["support@example.org"]]
    body = emails[0].message + emails[0].html_message
    assert f"/admin/debriefs/{debrief.pk}/" in body
    for detail in (SECRET_NOTE, "Pat", partner.email, "2 November", "coaching"):
        assert detail not in body + emails[0].subject


def test_asking_twice_for_one_session_makes_one_request(partner, session, support):
    first = debriefs.ask(partner, coaching_session=session)
    again = debriefs.ask(partner, coaching_session=session, note="second click")
    assert again.pk == first.pk and again.repeated
    assert DebriefRequest.objects.count() == 1
    assert Email.objects.filter(subject__contains="debrief").count() == 1


def test_a_session_the_partner_was_not_in_is_refused(session, support):
    stranger = make_partner("someone.else@example.org")
    with pytest.raises(debriefs.DebriefError):
        debriefs.ask(stranger, coaching_session=session)
    with pytest.raises(debriefs.DebriefError):
        debriefs.ask(session.pairing.leader, coaching_session=session)
    assert not DebriefRequest.objects.exists()


def test_a_request_needs_one_session_and_a_known_way_to_get_in_touch(partner, session):
    with pytest.raises(debriefs.DebriefError):
        debriefs.ask(partner)
    with pytest.raises(debriefs.DebriefError):
        debriefs.ask(partner, coaching_session=session, contact_by="carrier pigeon")
    with pytest.raises(debriefs.DebriefError):
        debriefs.ask(partner, coaching_session=session, note="x" * 2001)


def test_only_support_staff_move_a_request_and_only_forwards(
    partner, session, support, staff
):
    debrief = debriefs.ask(partner, coaching_session=session)
    with pytest.raises(debriefs.DebriefError):
        debriefs.mark(debrief, S.ARRANGED, by=staff)
    debriefs.mark(debrief, S.ARRANGED, by=support)
    debriefs.mark(debrief, S.DONE, by=support)
    with pytest.raises(debriefs.DebriefError):
        debriefs.mark(debrief, S.ARRANGED, by=support)
    debrief.refresh_from_db()
    assert debrief.status == S.DONE and debrief.handled_by == support


# --- the partner in the portal ---------------------------------------------------------


def test_partner_sees_ask_for_a_debrief_beside_each_session(client, partner, session):
    client.force_login(partner)
    page = client.get(reverse("members:pairing_detail", args=[session.pairing_id]))
    html = page.content.decode()
    assert f'href="{reverse("members:debrief_ask")}?session={session.pk}"' in html
    assert "Ask for a debrief" in html


def test_one_click_opens_a_short_form_with_everything_optional(
    client, partner, session
):
    client.force_login(partner)
    page = client.get(ask_url(session))
    html = page.content.decode()
    assert page.status_code == 200
    assert "After your coaching session on 2 November 2026" in html
    assert re.search(r'value="phone"[^>]*checked', html)
    assert "(optional)" in html
    assert "the leader never does" in html


def test_partner_sends_with_the_defaults_and_sees_the_status(
    client, partner, session, support
):
    client.force_login(partner)
    response = client.post(
        reverse("members:debrief_ask"),
        {"session": session.pk, "contact_by": "phone", "note": ""},
        follow=True,
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("members:my_debriefs")
    assert "Partner support staff will get in touch within a day" in html
    assert "Waiting for someone to get in touch" in html
    assert "After your coaching session on 2 November 2026" in html
    page = client.get(reverse("members:pairing_detail", args=[session.pairing_id]))
    assert 'Asked for<span class="visually-hidden"> (your debrief after 2 November' in (
        page.content.decode()
    )


def test_a_second_send_says_it_was_already_asked(client, partner, session, support):
    client.force_login(partner)
    data = {"session": session.pk, "contact_by": "email", "note": "Evenings"}
    client.post(reverse("members:debrief_ask"), data)
    response = client.post(reverse("members:debrief_ask"), data, follow=True)
    assert "already asked for a debrief" in response.content.decode()
    assert DebriefRequest.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"contact_by": "", "note": ""},
            "Choose how you would like us to get in touch",
        ),
        ({"contact_by": "fax", "note": ""}, "Choose one of the ways to get in touch"),
        ({"contact_by": "phone", "note": "x" * 5000}, "2000 characters or fewer"),
    ],
)
def test_bad_answers_get_a_clear_message(client, partner, session, data, message):
    client.force_login(partner)
    response = client.post(
        reverse("members:debrief_ask"), {"session": session.pk, **data}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html and message in html
    assert not DebriefRequest.objects.exists()


def test_hostile_note_is_stored_as_text_and_shown_escaped(
    client, partner, session, support
):
    client.force_login(partner)
    note = "<script>alert(1)</script>\u202e call me"
    client.post(
        reverse("members:debrief_ask"),
        {"session": session.pk, "contact_by": "video", "note": note},
    )
    debrief = DebriefRequest.objects.get()
    assert "\u202e" not in debrief.note
    client.force_login(support)
    html = client.get(reverse("debriefs_admin:detail", args=[debrief.pk])).content
    assert b"<script>alert(1)" not in html
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    "query", ["", "?session=", "?session=abc", "?session=99999999", "?event=1"]
)
def test_no_session_or_someone_elses_is_not_found(client, partner, query):
    client.force_login(partner)
    assert client.get(reverse("members:debrief_ask") + query).status_code == 404


def test_others_cannot_ask_about_the_partners_session(client, session, member):
    client.force_login(member)
    assert client.get(ask_url(session)).status_code == 404
    client.force_login(session.pairing.leader)
    assert client.get(ask_url(session)).status_code == 404
    response = client.post(
        reverse("members:debrief_ask"), {"session": session.pk, "contact_by": "phone"}
    )
    assert response.status_code == 404


# --- support staff -----------------------------------------------------------------------


def test_support_staff_see_it_in_things_to_do_and_mark_it_arranged(
    client, rf, partner, session, support
):
    debrief = debriefs.ask(partner, coaching_session=session, note=SECRET_NOTE)
    request = rf.get("/admin/")
    request.user = support
    items = [
        i
        for i in todo.things_to_do(request, todo.ADMIN)
        if i.kind == "debriefs_waiting"
    ]
    assert [i.text for i in items] == [
        "1 partner asked for a debrief: get in touch within the day"
    ]
    assert items[0].url == "/admin/debriefs/?status=waiting"

    client.force_login(support)
    listing = client.get(items[0].url).content.decode()
    assert f"Debrief request {debrief.pk}" in listing and "Pat" in listing
    detail = client.get(reverse("debriefs_admin:detail", args=[debrief.pk]))
    html = detail.content.decode()
    assert SECRET_NOTE.replace("'", "&#x27;") in html
    assert "pat.partner@example.org" in html and "A phone call" in html
    response = client.post(
        reverse("debriefs_admin:detail", args=[debrief.pk]),
        {"step": "arranged"},
        follow=True,
    )
    assert "marked as arranged" in response.content.decode()
    debrief.refresh_from_db()
    assert debrief.status == S.ARRANGED and debrief.handled_by == support
    request.user = support
    assert not [
        i
        for i in todo.things_to_do(request, todo.ADMIN)
        if i.kind == "debriefs_waiting"
    ]


def test_a_wrong_step_is_refused_with_a_message(client, partner, session, support):
    debrief = debriefs.ask(partner, coaching_session=session)
    client.force_login(support)
    url = reverse("debriefs_admin:detail", args=[debrief.pk])
    assert client.post(url, {"step": "waiting"}).status_code == 400
    client.post(url, {"step": "done"})
    response = client.post(url, {"step": "arranged"})
    assert response.status_code == 400
    assert "already done" in response.content.decode()


def test_programme_staff_and_editors_are_refused_the_debriefs(
    client, partner, session, staff, editor
):
    debrief = debriefs.ask(partner, coaching_session=session)
    for user in (staff, editor):
        client.force_login(user)
        assert client.get(reverse("debriefs_admin:index")).status_code == 403
        detail = reverse("debriefs_admin:detail", args=[debrief.pk])
        assert client.get(detail).status_code == 403
        assert client.post(detail, {"step": "done"}).status_code == 403
    debrief.refresh_from_db()
    assert debrief.status == S.WAITING


def test_support_list_stays_within_its_query_budget(
    client, support, django_assert_max_num_queries
):
    for n in range(15):
        partner = make_partner(f"p{n}@example.org")
        pairing = make_pairing(partner, Pairing.Status.ACTIVE)
        session = sessions.record_session(
            pairing,
            by=partner,
            date=datetime.date(2026, 11, 2),
            duration_minutes=60,
            mode="phone",
        )
        debriefs.ask(partner, coaching_session=session)
    client.force_login(support)
    client.get(reverse("debriefs_admin:index"))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("debriefs_admin:index"))
    assert response.content.decode().count("Debrief request ") == 15


# --- never visible to the leader -------------------------------------------------------


def test_the_leader_never_sees_a_debrief(client, partner, session, support, rf):
    debriefs.ask(partner, coaching_session=session, note=SECRET_NOTE)
    leader = session.pairing.leader
    client.force_login(leader)
    pages = [
        reverse("members:pairing_detail", args=[session.pairing_id]),
        reverse("members:pairing_list"),
        reverse("members:portal"),
        reverse("members:my_data"),
        reverse("members:my_data_html"),
    ]
    for url in pages:
        html = client.get(url).content.decode().lower()
        assert "debrief" not in html, url
        assert "upset" not in html, url
    own = client.get(reverse("members:my_debriefs")).content.decode()
    assert "You have not asked for a debrief" in own and "upset" not in own
    exported = json.dumps(
        [s.records for s in sections_for(leader)], default=str
    ).lower()
    assert "debrief" not in exported and "upset" not in exported
    leader_mail = [e for e in Email.objects.all() if leader.email in e.to]
    assert not [e for e in leader_mail if "debrief" in (e.subject + e.message).lower()]
    request = rf.get("/portal/")
    request.user = leader
    assert not [i for i in todo.things_to_do(request) if "debrief" in i.text.lower()]
    from website import activity

    lines = activity.history(session.pairing, participant=True)
    history = " ".join(f"{line.label} {line.note}" for line in lines).lower()
    assert "debrief" not in history


# --- a learning set's session (an event), for the learning-sets feature to reuse ---------


def test_a_partner_can_ask_after_an_event_they_had_a_place_at(client, partner, support):
    from datetime import timedelta

    from django.utils import timezone

    from members.events.models import BookingStatus, EventBooking
    from tests.factories.events import make_event

    past = make_event(starts_at=timezone.now() - timedelta(days=1), title="Set meeting")
    coming = make_event(starts_at=timezone.now() + timedelta(days=1))
    for event in (past, coming):
        EventBooking.objects.create(
            event=event, user=partner, status=BookingStatus.CONFIRMED
        )
    elsewhere = make_event(starts_at=timezone.now() - timedelta(days=2))
    with pytest.raises(debriefs.DebriefError):
        debriefs.ask(partner, event=coming)  # not happened yet
    with pytest.raises(debriefs.DebriefError):
        debriefs.ask(partner, event=elsewhere)  # no place at it
    client.force_login(partner)
    url = reverse("members:debrief_ask") + f"?event={past.pk}"
    assert "After Set meeting on" in client.get(url).content.decode()
    assert (
        client.get(
            reverse("members:debrief_ask") + f"?event={elsewhere.pk}"
        ).status_code
        == 404
    )
    client.post(
        reverse("members:debrief_ask"), {"event": past.pk, "contact_by": "email"}
    )
    debrief = DebriefRequest.objects.get()
    assert debrief.event == past and debrief.coaching_session is None
    assert (
        "After Set meeting"
        in client.get(reverse("members:my_debriefs")).content.decode()
    )
