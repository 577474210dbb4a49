"""Email waits in the durable outbox until the worker sends it; failures are retried."""

from django.core.management import call_command
from post_office import mail
from post_office.models import STATUS, Email


def test_queued_mail_is_sent_by_the_worker(db, mailoutbox):
    mail.send(
        "someone@example.org",
        "Voices <no-reply@voices.example.org>",
        subject="Hello",
        message="Queued, not sent in the request.",
        priority="medium",
    )
    assert mailoutbox == []
    assert Email.objects.get().status == STATUS.queued
    call_command("run_outbox_worker", once=True)
    assert [m.subject for m in mailoutbox] == ["Hello"]
    assert Email.objects.get().status == STATUS.sent
    call_command("run_outbox_worker", once=True)
    assert len(mailoutbox) == 1
