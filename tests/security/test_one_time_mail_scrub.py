"""Sign-in codes and reset links do not sit readable in the outbox once they stop working
(issue 17, finding 8): the body is blanked after expiry, the delivery record stays."""

from datetime import timedelta

from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from post_office.models import Email

from tests.members.accounts.accounts_helpers import deliver_mail


def code_mail():
    return Email.objects.latest("pk")


def test_an_expired_sign_in_code_is_blanked_and_a_live_one_kept(
    member, mailoutbox, settings
):
    # As in production: allauth's mail goes into the outbox (the test runner's default
    # would hand it straight to the in-memory mailbox).
    settings.EMAIL_BACKEND = "post_office.EmailBackend"
    client = Client()
    client.post("/accounts/login/code/", {"email": member.email})
    deliver_mail(mailoutbox)
    mail = code_mail()
    assert mail.message, "the code was delivered with a body"

    call_command("purge_expired", stdout=open("/dev/null", "w"))
    mail.refresh_from_db()
    assert mail.message, "a code still inside its three minutes is kept"

    later = timezone.now() + timedelta(minutes=4)
    from website import outbox

    assert outbox.scrub_expired_one_time_mail(later) == 1
    mail.refresh_from_db()
    assert mail.message == "" and mail.html_message == ""
    assert mail.to == [member.email] and mail.status is not None
    assert outbox.scrub_expired_one_time_mail(later) == 0


def test_ordinary_mail_is_not_blanked(member, mailoutbox):
    from website import outbox

    outbox.send(member.email, "noreply@example.org", subject="Hello", message="Welcome")
    assert outbox.scrub_expired_one_time_mail(timezone.now() + timedelta(days=30)) == 0
    assert Email.objects.get(subject__contains="Hello").message
