"""allauth's emails go through website.notify: catalogued events, text and HTML parts."""

import re

from post_office.models import Email

from members.accounts import allauth_mail
from website import notify, outbox


def test_every_allauth_prefix_is_an_event_with_a_renderer():
    for prefix in allauth_mail.PREFIXES:
        event = notify.EVENTS[allauth_mail.event_name(prefix)]
        assert event.renderer is not None and event.transactional
    assert "account:login_code" in notify.EVENTS
    assert "account:totp_activated" in notify.EVENTS


def test_a_sign_in_code_is_queued_with_text_html_and_its_expiry(client, member):
    client.post("/accounts/login/code/", {"email": member.email})
    mail = Email.objects.get(to=[member.email])
    assert mail.subject == "[Voices] Your sign-in code"
    code = re.search(r"\b([A-Z0-9]{6})\b", mail.message).group(1)
    assert code in mail.html_message
    assert mail.html_message.lstrip().startswith("<!DOCTYPE html>")
    assert outbox.EXPIRES_HEADER in mail.headers
    done = client.post("/accounts/login/code/confirm/", {"code": code})
    assert done.status_code == 302
    assert client.get("/portal/").status_code == 200


def test_a_password_reset_link_is_queued_with_a_working_link_in_both_parts(
    client, member
):
    client.post("/accounts/password/reset/", {"email": member.email})
    mail = Email.objects.get(to=[member.email])
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+/", mail.message)
    assert link, mail.message
    assert f'href="{link.group(0)}"' in mail.html_message
    assert outbox.EXPIRES_HEADER in mail.headers
    path = "/" + link.group(0).split("://", 1)[1].split("/", 1)[1]
    page = client.get(path, follow=True)
    assert page.status_code == 200
    assert b'name="password1"' in page.content


def test_a_security_notice_renders_text_and_html(member):
    from django.utils import timezone

    subject, text, html = notify.render(
        "account:totp_activated",
        {
            "user": member,
            "email": member.email,
            "recipient_email": member.email,
            "timestamp": timezone.now(),
            "ip": "192.0.2.1",
            "user_agent": "Test browser",
        },
    )
    assert subject.startswith("[Voices] ")
    assert text.strip() and "<p>" in html
    assert notify.notify("account:totp_activated", member.email, {"user": member}) == 1
    mail = Email.objects.get(to=[member.email])
    assert outbox.EXPIRES_HEADER not in (mail.headers or {})
