"""website.notify: one event catalogue, recipients by user, address or role, the outbox."""

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from post_office.models import Email

from tests.factories import UserFactory
from website import notify, roles

EVENT = "core_test_event"
OPTIONAL = "core_test_optional"

TEMPLATES = {
    f"emails/{name}/{part}": text
    for name in (EVENT, OPTIONAL)
    for part, text in {
        "subject.txt": "Hello {{ thing }}\n  for you",
        "body.txt": '{% extends "emails/base.txt" %}{% block content %}Text about {{ thing }} <b>{% endblock %}',
        "body.html": '{% extends "emails/base.html" %}{% block content %}<p>HTML about {{ thing }}</p>{% endblock %}',
    }.items()
}

LOADERS = override_settings(
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": settings.TEMPLATES[0]["DIRS"],
            "APP_DIRS": False,
            "OPTIONS": {
                "loaders": [
                    ("django.template.loaders.locmem.Loader", TEMPLATES),
                    "django.template.loaders.filesystem.Loader",
                    "django.template.loaders.app_directories.Loader",
                ]
            },
        }
    ]
)


@pytest.fixture(autouse=True)
def events():
    notify.EVENTS.pop(EVENT, None)
    notify.EVENTS.pop(OPTIONAL, None)
    notify.register(EVENT, "A test event")
    notify.register(
        OPTIONAL,
        "A test event people can turn off",
        transactional=False,
        wants=lambda user, context: user.first_name != "Quiet",
        manage_path=lambda context: f"/portal/settings/{context['thing']}/",
    )
    with LOADERS:
        yield
    notify.EVENTS.pop(EVENT, None)
    notify.EVENTS.pop(OPTIONAL, None)


@pytest.mark.django_db
def test_one_message_per_address_with_text_and_html_parts():
    user = UserFactory(email="person@example.org")
    sent = notify.notify(
        EVENT, [user, "Person@Example.org", "other@example.org"], {"thing": "<x>"}
    )
    assert sent == 2
    emails = list(Email.objects.order_by("pk"))
    assert [e.to for e in emails] == [["person@example.org"], ["other@example.org"]]
    email = emails[0]
    assert (
        "Hello" in email.subject
        and "for you" in email.subject
        and "\n" not in email.subject
    )
    assert "Text about <x> <b>" in email.message  # plain text is not HTML-escaped
    assert "HTML about &lt;x&gt;" in email.html_message  # HTML is
    assert "The Voices programme team" in email.message


@pytest.mark.django_db
def test_group_names_resolve_to_active_members_of_the_group():
    UserFactory(email="staff1@example.org", groups=[roles.STAFF])
    UserFactory(email="gone@example.org", groups=[roles.STAFF], is_active=False)
    UserFactory(email="member@example.org", groups=[roles.MEMBERS])
    notify.notify(EVENT, [roles.STAFF], {"thing": "x"})
    assert [e.to for e in Email.objects.all()] == [["staff1@example.org"]]


@pytest.mark.django_db
def test_inactive_users_and_people_who_said_no_are_skipped():
    UserFactory(email="a@example.org", is_active=False)
    quiet = UserFactory(email="q@example.org", first_name="Quiet")
    keen = UserFactory(email="k@example.org", first_name="Keen")
    assert notify.notify(OPTIONAL, [quiet, keen], {"thing": "net"}) == 1
    email = Email.objects.get()
    assert email.to == ["k@example.org"]
    assert "Manage your emails: http://testserver/portal/settings/net/" in email.message
    assert 'href="http://testserver/portal/settings/net/"' in email.html_message
    assert (
        email.headers["List-Unsubscribe"] == "<http://testserver/portal/settings/net/>"
    )


@pytest.mark.django_db
def test_transactional_messages_carry_no_unsubscribe_link():
    notify.notify(EVENT, ["x@example.org"], {"thing": "t"})
    email = Email.objects.get()
    assert "Manage your emails" not in email.message
    assert "List-Unsubscribe" not in (email.headers or {})


@pytest.mark.django_db
def test_nothing_is_queued_when_the_callers_transaction_rolls_back():
    with pytest.raises(RuntimeError), transaction.atomic():
        notify.notify(EVENT, ["x@example.org"], {"thing": "t"})
        raise RuntimeError("the change failed")
    assert not Email.objects.exists()


@pytest.mark.django_db
def test_messages_about_a_record_can_be_found_again():
    user = UserFactory(email="p@example.org")
    other = UserFactory(email="o@example.org")
    notify.notify(EVENT, ["x@example.org"], {"thing": "t"}, about=user)
    notify.notify(EVENT, ["y@example.org"], {"thing": "t"}, about=other)
    assert [e.to for e in notify.emails_about(user)] == [["x@example.org"]]


def test_an_event_cannot_be_registered_twice():
    with pytest.raises(ValueError):
        notify.register(EVENT, "again")


def test_absolute_urls_come_from_the_configured_base():
    assert notify.absolute_url("/portal/") == "http://testserver/portal/"
    assert (
        notify.absolute_url("https://elsewhere.example/x")
        == "https://elsewhere.example/x"
    )
