"""Enquiry mail really leaves through SMTP, and an SMTP outage delays it but loses nothing.

A real SMTP server (aiosmtpd) runs on a free loopback port inside the test; post_office's
delivery backend is pointed at it, and the outbox worker sends the queued mail.
"""

import socket
from datetime import timedelta

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from post_office.models import STATUS, Email, Log

from members.models import Enquiry
from tests.factories.enquiries import make_enquiry_page
from tests.members.enquiries.test_enquiry_form import URL, valid_data


class Sink:
    """Collects every message the SMTP server accepts."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def recipients(self):
        return sorted(rcpt for env in self.envelopes for rcpt in env.rcpt_tos)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_settings(settings):
    port = free_port()
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.smtp.EmailBackend"},
        "MAX_RETRIES": 5,
        "RETRY_INTERVAL": timedelta(minutes=5),
    }
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    return port


def start_smtp(port):
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    return sink, controller


@pytest.fixture
def enquiry_page(home_page, staff):
    cache.clear()
    page = make_enquiry_page(home_page)
    page.notify_staff.set([staff])
    return page


def test_enquiry_mail_is_delivered_over_real_smtp(client, enquiry_page, smtp_settings):
    sink, controller = start_smtp(smtp_settings)
    try:
        assert client.post(URL, valid_data()).status_code == 302
        # Nothing is sent inside the request.
        assert sink.envelopes == []
        call_command("run_outbox_worker", once=True)
        assert sink.recipients() == ["priya.shah@example.org", "staff@example.org"]
        reference = Enquiry.objects.get().reference
        contents = [env.content.decode() for env in sink.envelopes]
        assert all(reference in content for content in contents)
        assert Email.objects.filter(status=STATUS.sent).count() == 2
        call_command("run_outbox_worker", once=True)
        assert len(sink.envelopes) == 2
    finally:
        controller.stop()


def test_smtp_outage_keeps_the_enquiry_and_delivers_exactly_once_later(
    client, enquiry_page, smtp_settings
):
    # The SMTP server is down: the leader still gets their reference.
    response = client.post(URL, valid_data())
    assert response.status_code == 302
    assert (
        Enquiry.objects.get().reference
        in client.get(response["Location"]).content.decode()
    )

    call_command("run_outbox_worker", once=True)
    emails = Email.objects.all()
    assert emails.count() == 2
    assert set(emails.values_list("status", flat=True)) == {STATUS.requeued}
    assert Log.objects.filter(status=STATUS.failed).count() == 2
    assert all(email.scheduled_time > timezone.now() for email in emails)

    sink, controller = start_smtp(smtp_settings)
    try:
        # Back-off: the retry is not due yet, so nothing goes out immediately.
        call_command("run_outbox_worker", once=True)
        assert sink.envelopes == []
        with time_machine.travel(timezone.now() + timedelta(minutes=6), tick=True):
            call_command("run_outbox_worker", once=True)
            call_command("run_outbox_worker", once=True)
        assert sink.recipients() == ["priya.shah@example.org", "staff@example.org"]
        assert set(Email.objects.values_list("status", flat=True)) == {STATUS.sent}
    finally:
        controller.stop()
