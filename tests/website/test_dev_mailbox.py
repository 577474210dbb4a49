"""The development mailbox: under `make run` every email is delivered at once and read at
/dev/mail/; under production settings the route does not exist."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory, override_settings
from post_office import mail
from post_office.models import STATUS, Email
from post_office.signals import email_queued

from website import devmail
from website.settings.base import POST_OFFICE

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


@pytest.fixture
def mailbox(tmp_path):
    """Development's mail settings, with the mailbox in a throwaway folder."""
    folder = tmp_path / "mail"
    with override_settings(
        DEV_MAILBOX_DIR=str(folder),
        POST_OFFICE={
            **POST_OFFICE,
            "BACKENDS": {"default": "website.devmail.MailboxBackend"},
        },
    ):
        email_queued.connect(devmail.deliver_at_once, dispatch_uid="test-dev-mailbox")
        yield folder
        email_queued.disconnect(dispatch_uid="test-dev-mailbox")


def open_mailbox(query=""):
    request = RequestFactory().get("/dev/mail/" + query)
    request.user = AnonymousUser()
    response = devmail.mailbox_view(request)
    return response.render().content.decode()


def test_queued_mail_is_delivered_once_its_transaction_commits(
    mailbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mail.send(
            ["amira@example.org"],
            "Voices <no-reply@example.org>",
            subject="Your place is confirmed",
            message="See it at http://127.0.0.1:8123/portal/ any time.",
            priority="medium",
        )
    assert list(Email.objects.values_list("status", flat=True)) == [STATUS.sent]
    assert len(list(mailbox.glob("*.eml"))) == 1


def test_the_mailbox_shows_recipients_subject_text_and_working_links_newest_first(
    mailbox, django_capture_on_commit_callbacks
):
    for subject in ("First message", "Second message"):
        with django_capture_on_commit_callbacks(execute=True):
            mail.send(
                ["amira@example.org"],
                "Voices <no-reply@example.org>",
                subject=subject,
                message="Reply here: http://127.0.0.1:8123/portal/interests/",
                priority="medium",
            )
    html = open_mailbox()
    assert html.index("Second message") < html.index("First message")
    assert "amira@example.org" in html
    assert '<a href="http://127.0.0.1:8123/portal/interests/"' in html
    assert "2 messages." in html


def test_an_empty_mailbox_says_how_to_fill_it(mailbox):
    assert "No email has been sent yet" in open_mailbox()


def test_the_mailbox_is_never_cached(mailbox):
    request = RequestFactory().get("/dev/mail/")
    request.user = AnonymousUser()
    response = devmail.mailbox_view(request)
    assert "no-store" in response["Cache-Control"]


def test_typed_markup_in_a_message_is_shown_as_text(
    mailbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mail.send(
            ["amira@example.org"],
            "Voices <no-reply@example.org>",
            subject="<script>alert(1)</script>",
            message="<img src=x onerror=alert(1)>",
            priority="medium",
        )
    html = open_mailbox()
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html


def test_the_mailbox_pages_twenty_at_a_time(mailbox):
    backend = devmail.MailboxBackend()
    from django.core.mail import EmailMessage

    backend.send_messages(
        [EmailMessage(f"Message {i}", "x", to=["a@example.org"]) for i in range(25)]
    )
    first, second = open_mailbox(), open_mailbox("?page=2")
    assert first.count('class="dev-mail__item"') == 20
    assert second.count('class="dev-mail__item"') == 5
    assert "Page 1 of 2" in first


def resolves_dev_mail(settings_module):
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        SECRET_KEY="throwaway-" + "k3y" * 20,
        ALLOWED_HOSTS="voices.example.org",
        CSRF_TRUSTED_ORIGINS="https://voices.example.org",
        WAGTAILADMIN_BASE_URL="https://voices.example.org",
        DATABASE_URL="sqlite:///:memory:",
    )
    probe = (
        "import django; django.setup()\n"
        "from django.urls import Resolver404, resolve\n"
        "try:\n    found = resolve('/dev/mail/').url_name == 'dev_mail'\nexcept Resolver404:\n    found = False\n"
        "print('present' if found else 'absent')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.isolated
def test_the_route_exists_in_development_and_not_in_production():
    assert resolves_dev_mail("website.settings.dev") == "present"
    assert resolves_dev_mail("website.settings.production") == "absent"
