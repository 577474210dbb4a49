"""Texts (website/sms.py): members who ask for texts get event reminders and place offers on
their mobile as well as by email, through the text outbox, only when a sender is configured;
no provider is called here (MemorySender keeps what would go)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from members.accounts.services import erase_member
from members.events import reminders, services
from members.events.models import EventBooking, EventReminder
from members.models import MemberProfile
from tests.factories.events import make_event
from tests.factories.users import UserFactory
from tests.members.accounts.test_profile import form_data
from website import notify, sms
from website.models import TextMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def texts_on(settings):
    settings.SMS_SENDER = "website.sms.MemorySender"
    sms.MemorySender.sent = []
    yield sms.MemorySender.sent
    sms.MemorySender.sent = []


def booked_days_ago(event, days=3):
    """Reminders go only to places booked before the reminder was due."""
    EventBooking.objects.filter(event=event).update(
        created_at=timezone.now() - timedelta(days=days)
    )


def wants_texts(user, phone="07700 900123"):
    profile, _ = MemberProfile.objects.get_or_create(user=user)
    profile.phone = phone
    profile.communication_preferences = ["email", "text"]
    profile.save()
    return user


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("07700 900123", "+447700900123"),
        ("+44 7700 900123", "+447700900123"),
        ("0044 7700-900123", "+447700900123"),
        ("447700900123", "+447700900123"),
        ("0121 496 0000", None),  # a landline
        ("07700 90012", None),  # a digit short
        ("077009001234", None),  # a digit over
        ("<script>07700900123</script>", None),
        ("", None),
        (None, None),
        ("0" * 10_000, None),
    ],
)
def test_only_uk_mobile_numbers_are_texted(typed, number):
    assert sms.mobile_number(typed) == number


def test_a_reminder_goes_by_text_too_to_members_who_asked(texts_on, member, mailoutbox):
    event = make_event(
        starts_at=timezone.now() + timedelta(hours=20), title="Tea & talk"
    )
    services.book(event, user=wants_texts(member))
    other = UserFactory(email="emailonly@example.org", groups=["Members"])
    services.book(event, user=other)
    booked_days_ago(event)
    reminders.send_due()
    queued = list(TextMessage.objects.all())
    assert [text.to for text in queued] == ["+447700900123"]
    assert "Tea & talk" in queued[0].text  # plain text, not HTML-escaped
    assert "JOIN-SECRET" in queued[0].text  # the joining link, for a confirmed place
    assert texts_on == []  # queued, not yet sent: the worker sends
    call_command("run_outbox_worker", once=True)
    assert texts_on == [("+447700900123", queued[0].text)]
    assert TextMessage.objects.get().status == TextMessage.Status.SENT
    # Email still goes to both.
    assert sorted(m.to[0] for m in mailoutbox if "Reminder" in m.subject) == [
        "emailonly@example.org",
        "member@example.org",
    ]


def test_nothing_is_texted_when_texts_are_off(settings, member):
    settings.SMS_SENDER = ""
    event = make_event(starts_at=timezone.now() + timedelta(hours=20))
    services.book(event, user=wants_texts(member))
    booked_days_ago(event)
    reminders.send_due()
    assert EventReminder.objects.exists()
    assert not TextMessage.objects.exists()


def test_a_place_offered_from_the_waiting_list_is_texted(texts_on, member):
    event = make_event(capacity=1)
    first = UserFactory(email="first@example.org", groups=["Members"])
    held = services.book(event, user=first)
    services.book(event, user=wants_texts(member))
    services.cancel(held)
    text = TextMessage.objects.get()
    assert text.to == "+447700900123"
    assert "held for you until" in text.text and event.title in text.text


def test_a_rolled_back_change_texts_nobody(texts_on, member):
    event = make_event(starts_at=timezone.now() + timedelta(hours=20))
    services.book(event, user=wants_texts(member))
    booked_days_ago(event)
    with pytest.raises(RuntimeError), transaction.atomic():
        reminders.send_due()
        raise RuntimeError("the change failed")
    assert not TextMessage.objects.exists()


class Refusing:
    def send(self, to, text):
        raise sms.SendError("provider said no")


def test_a_refused_text_is_tried_three_times_then_marked_failed(settings):
    settings.SMS_SENDER = "tests.website.test_sms.Refusing"
    sms.queue_many([sms.message("+447700900123", "Hello")])
    for attempt in (1, 2):
        assert sms.deliver() == (0, 0)
        text = TextMessage.objects.get()
        assert (text.attempts, text.status) == (attempt, TextMessage.Status.QUEUED)
    assert sms.deliver() == (0, 1)
    text = TextMessage.objects.get()
    assert text.status == TextMessage.Status.FAILED
    assert text.last_error == "provider said no"


def test_long_texts_are_cut_to_three_segments():
    text = sms.message("+447700900123", "word " * 500)
    assert len(text.text) == sms.LONGEST and text.text.endswith("…")


def test_reminder_queries_do_not_grow_with_people_who_want_texts(
    texts_on, django_assert_max_num_queries
):
    def booked_event(count):
        event = make_event(starts_at=timezone.now() + timedelta(hours=20), capacity=100)
        for number in range(count):
            user = UserFactory(email=f"t{number}-{event.pk}@example.org")
            services.book(event, user=wants_texts(user, f"07700 9{number:05d}"))
        booked_days_ago(event)
        return event

    few_people = booked_event(2)
    with django_assert_max_num_queries(40) as few:
        reminders.send_due()
    budget = len(few.captured_queries)
    assert TextMessage.objects.count() == 2
    # The same run for one event with six times the people.
    EventReminder.objects.all().delete()
    EventBooking.objects.filter(event=few_people).delete()
    few_people.delete()
    booked_event(12)
    with django_assert_max_num_queries(budget):
        reminders.send_due()
    assert TextMessage.objects.count() == 14


def test_the_profile_offers_texts_only_when_they_are_on(client, member, settings):
    client.force_login(member)
    settings.SMS_SENDER = ""
    assert 'value="text"' not in client.get("/portal/profile/edit/").content.decode()
    settings.SMS_SENDER = "website.sms.MemorySender"
    assert 'value="text"' in client.get("/portal/profile/edit/").content.decode()


@pytest.mark.parametrize("phone", ["", "0121 496 0000", "not a number", "x" * 30])
def test_asking_for_texts_needs_a_uk_mobile_number(texts_on, client, member, phone):
    client.force_login(member)
    response = client.post(
        "/portal/profile/edit/",
        form_data(phone=phone, communication_preferences=["email", "text"]),
    )
    assert response.status_code == 200
    assert "Enter a UK mobile number" in response.content.decode()
    saved = MemberProfile.objects.filter(user=member).first()
    assert saved is None or "text" not in saved.communication_preferences


def test_a_member_turns_texts_on_from_their_profile(texts_on, client, member):
    client.force_login(member)
    response = client.post(
        "/portal/profile/edit/",
        form_data(phone="07700 900123", communication_preferences=["text"]),
    )
    assert response.status_code == 302
    assert sms.number_for(member) == "+447700900123"


def test_erasure_deletes_the_texts_to_the_members_number(texts_on, member):
    wants_texts(member)
    sms.queue_many(
        [
            sms.message("+447700900123", "To the member"),
            sms.message("+447700900999", "To someone else"),
        ]
    )
    erase_member(member, notify_staff=False)
    assert list(TextMessage.objects.values_list("text", flat=True)) == [
        "To someone else"
    ]


def test_old_texts_are_deleted_by_the_daily_purge(texts_on):
    sms.queue_many([sms.message("+447700900123", "Old")])
    TextMessage.objects.update(created_at=timezone.now() - timedelta(days=91))
    sms.queue_many([sms.message("+447700900123", "New")])
    call_command("purge_expired")
    assert list(TextMessage.objects.values_list("text", flat=True)) == ["New"]


def test_an_event_without_the_text_channel_never_texts(texts_on, member):
    wants_texts(member)
    booked = notify.EVENTS["event_booked"]
    assert booked.channels == ("email",)
    event = make_event()
    services.book(event, user=member)
    assert not TextMessage.objects.exists()
