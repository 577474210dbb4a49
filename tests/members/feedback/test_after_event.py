"""After an event with a feedback form, the people who came are emailed the form once;
people who did not come, cancelled events, draft forms and old events get nothing."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from members.events import services as events
from members.events.models import Event, EventBooking
from members.feedback.after_events import send_due
from tests.factories.events import make_event
from tests.factories.users import UserFactory
from tests.members.feedback.conftest import make_form

pytestmark = pytest.mark.django_db


def delivered(mailoutbox):
    call_command("run_outbox_worker", once=True)
    return mailoutbox


@pytest.fixture
def event():
    return make_event(
        title="Carers' summit", starts_at=timezone.now() + timedelta(days=2)
    )


def came(event, email, attended=True):
    booking = events.book(event, name=email.split("@")[0], email=email)
    EventBooking.objects.filter(pk=booking.pk).update(attended=attended)
    return booking


def after(event, hours=1):
    return event.ends_at + timedelta(hours=hours)


@pytest.fixture
def form(home_page, event):
    return make_form(home_page, slug="summit-feedback", event=event)


def test_the_people_who_came_are_emailed_the_form_once(form, event, mailoutbox):
    came(event, "ada@example.org")
    came(event, "ben@example.org")
    came(event, "cal@example.org", attended=False)
    delivered(mailoutbox).clear()  # the booking emails
    assert send_due(now=event.starts_at) == 0  # not over yet
    assert send_due(now=after(event)) == 2
    assert send_due(now=after(event, hours=2)) == 0
    delivered(mailoutbox)
    assert sorted(m.to[0] for m in mailoutbox) == ["ada@example.org", "ben@example.org"]
    message = mailoutbox[0]
    assert message.subject.startswith("How was Carers' summit?")
    assert "/summit-feedback/" in message.body
    event.refresh_from_db()
    assert event.feedback_sent_at == after(event)


def test_a_member_is_emailed_at_their_account_address(form, event, mailoutbox):
    member = UserFactory(email="mo@example.org", first_name="Mo")
    booking = events.book(event, user=member)
    EventBooking.objects.filter(pk=booking.pk).update(attended=True)
    delivered(mailoutbox).clear()
    send_due(now=after(event))
    delivered(mailoutbox)
    assert [m.to[0] for m in mailoutbox] == ["mo@example.org"]
    assert "Hello Mo" in mailoutbox[0].body


def test_before_attendance_is_marked_nothing_is_sent_and_it_waits(form, event):
    booking = came(event, "ada@example.org", attended=None)
    assert send_due(now=after(event)) == 0
    assert Event.objects.get(pk=event.pk).feedback_sent_at is None
    EventBooking.objects.filter(pk=booking.pk).update(attended=True)
    assert send_due(now=after(event, hours=3)) == 1


def test_a_draft_form_or_a_cancelled_or_old_event_sends_nothing(form, event):
    came(event, "ada@example.org")
    form.unpublish()
    assert send_due(now=after(event)) == 0
    form.save_revision().publish()
    assert send_due(now=after(event, hours=24 * 31)) == 0  # over a month ago
    Event.objects.filter(pk=event.pk).update(status="cancelled")
    assert send_due(now=after(event)) == 0


def test_two_forms_on_one_event_ask_once(home_page, form, event):
    make_form(home_page, slug="second-form", event=event)
    came(event, "ada@example.org")
    assert send_due(now=after(event)) == 1


def test_the_command_reports_what_it_queued(form, event, capsys, monkeypatch):
    came(event, "ada@example.org")
    monkeypatch.setattr(timezone, "now", lambda: after(event))
    call_command("send_feedback_requests")
    assert "Queued 1 feedback request(s)." in capsys.readouterr().out
