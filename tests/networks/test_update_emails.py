"""Members hear about updates as they chose: each one at once, a weekly summary, or none."""

from datetime import timedelta

import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from networks.notifications import send_immediate_update_emails
from networks.services.updates import approve_update
from tests.factories.networks import MembershipFactory, UpdateFactory


def publish(client, network, cochair, title, visibility="public"):
    client.force_login(cochair)
    client.post(
        reverse("networks:update_create", kwargs={"slug": network.slug}),
        {
            "title": title,
            "body": "Hello <a href='javascript:x()'>x</a>",
            "visibility": visibility,
            "publish": "1",
        },
    )


def test_immediate_emails_go_to_members_who_asked_once_each(
    client, network, cochair, mailoutbox
):
    immediate = MembershipFactory(network=network, update_emails="immediate").user
    MembershipFactory(network=network, update_emails="weekly")
    MembershipFactory(network=network, update_emails="none")
    publish(client, network, cochair, "Big news", visibility="members")
    call_command("run_outbox_worker", once=True)
    assert [m.to for m in mailoutbox] == [[immediate.email]]
    message = mailoutbox[0]
    assert "Big news" in message.subject
    html = message.alternatives[0][0]
    assert "javascript:" not in html
    update = network.updates.get()
    send_immediate_update_emails(update)  # already sent: nothing more
    call_command("run_outbox_worker", once=True)
    assert len(mailoutbox) == 1


def test_moderated_updates_email_on_approval_not_before(
    client, network, cochair, staff, mailoutbox
):
    network.moderate_updates = True
    network.save_revision().publish()
    immediate = MembershipFactory(network=network, update_emails="immediate").user
    publish(client, network, cochair, "Waiting news")
    call_command("run_outbox_worker", once=True)
    assert immediate.email not in [m.to[0] for m in mailoutbox]
    approve_update(staff, network.updates.get())
    call_command("run_outbox_worker", once=True)
    assert [immediate.email] in [m.to for m in mailoutbox]


def test_weekly_digest_collects_the_weeks_updates_and_runs_idempotently(
    network, other_network, cochair, mailoutbox
):
    past = timezone.now() - timedelta(days=30)
    weekly = MembershipFactory(
        network=network, update_emails="weekly", joined_at=past
    ).user
    MembershipFactory(
        network=other_network, user=weekly, update_emails="weekly", joined_at=past
    )
    quiet = MembershipFactory(
        network=network, update_emails="none", joined_at=past
    ).user
    UpdateFactory(
        network=network,
        title="Old news",
        published_at=timezone.now() - timedelta(days=10),
    )
    UpdateFactory(network=network, title="This week A")
    UpdateFactory(network=other_network, title="This week B", visibility="members")
    UpdateFactory(network=network, title="Draft", status="draft", published_at=None)
    call_command("send_network_digests")
    call_command("run_outbox_worker", once=True)
    assert [m.to for m in mailoutbox] == [[weekly.email]]
    body = mailoutbox[0].body
    assert "This week A" in body and "This week B" in body
    assert "Old news" not in body and "Draft" not in body
    assert quiet.email not in [m.to[0] for m in mailoutbox]
    call_command("send_network_digests")
    call_command("run_outbox_worker", once=True)
    assert len(mailoutbox) == 1
    with time_machine.travel(timezone.now() + timedelta(days=7)):
        UpdateFactory(network=network, title="Next week")
        call_command("send_network_digests")
        call_command("run_outbox_worker", once=True)
    assert len(mailoutbox) == 2 and "Next week" in mailoutbox[1].body
    assert "This week A" not in mailoutbox[1].body
