"""Every accounts email is a website.notify event with a text and an HTML part."""

from datetime import timedelta

import pytest
from django.template.loader import get_template
from django.utils import timezone
from post_office.models import Email

from members.accounts import inactivity, joining, notifications
from members.accounts import services as services
from members.models import Application
from website import notify

ACCOUNT_EVENTS = [
    notifications.MEMBER_INVITATION,
    notifications.APPLICATION_RECEIVED,
    notifications.APPLICATION_STAFF_NOTICE,
    notifications.APPLICATION_DECLINED,
    notifications.ACCOUNT_DELETED_STAFF_NOTICE,
    notifications.INACTIVE_ACCOUNT_WARNING,
    notifications.INACTIVE_ACCOUNTS_ERASED_STAFF_NOTICE,
]


@pytest.mark.parametrize("event", ACCOUNT_EVENTS)
def test_each_event_is_in_the_catalogue_with_its_three_templates(event):
    assert event in notify.EVENTS
    assert notify.EVENTS[event].transactional
    for name in notify.EVENTS[event].templates().values():
        get_template(name)


def only(**filters):
    (mail,) = Email.objects.filter(**filters)
    assert mail.message.strip() and mail.html_message.strip()
    assert "The Voices programme team" in mail.message  # the shared layout's sign-off
    return mail


def test_invitation_and_application_emails_have_text_and_html(db, staff):
    joining.invite_member("invitee@example.org", "partner", invited_by=staff)
    invite = only(to=["invitee@example.org"])
    assert invite.subject == "You are invited to join Voices"
    assert "/invitations/" in invite.message and "/invitations/" in invite.html_message
    application = joining.submit_application(
        name="Pat & Co",
        email="pat@example.org",
        member_type="partner",
        region=None,
        organisation="",
        reason="Because",
    )
    received = only(to=["pat@example.org"])
    assert received.subject == "We have your application to join Voices"
    assert "Hello Pat & Co," in received.message  # plain text is not escaped
    assert "Pat &amp; Co" in received.html_message
    notice = only(to=["staff@example.org"], subject="New application to join Voices")
    assert "Pat" not in notice.message
    joining.decline_application(application, by=staff, note="Spring <b>please</b>")
    declined = only(subject="Your application to join Voices")
    assert "Spring <b>please</b>" in declined.message
    assert "Spring &lt;b&gt;please&lt;/b&gt;" in declined.html_message
    assert "With thanks,\nThe Voices programme team" in declined.message
    assert Application.objects.get().status == "declined"


def test_erasure_and_inactivity_emails_have_text_and_html(db, staff, member):
    services.erase_member(member)
    deleted = only(subject="A member deleted their Voices account")
    assert deleted.to == ["staff@example.org"]
    now = timezone.now()
    other = type(member).objects.create_user("quiet@example.org", "x" * 20)
    other.last_seen = now - timedelta(days=400)
    inactivity.warn_inactive_account(other, now)
    warning = only(to=["quiet@example.org"])
    assert "will be deleted on" in warning.subject
    assert "/accounts/login/" in warning.html_message
    notify.notify(
        notifications.INACTIVE_ACCOUNTS_ERASED_STAFF_NOTICE,
        "staff@example.org",
        {"references": ["7", "9"], "months": 24, "notice_days": 30},
    )
    erased = only(subject="Unused Voices accounts were deleted")
    assert "2 accounts" in erased.message and "references 7, 9" in erased.html_message
