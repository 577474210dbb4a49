"""Helpers shared by the accounts, portal, profile, invitation, data and MFA tests."""

import io
import re
import time

from django.core.management import call_command

from members.models import MemberProfile


def deliver_mail(mailoutbox):
    """Run the outbox worker once, as production's worker would, and return the outbox.

    The worker's lock file is machine-wide, so another test run on the same machine can
    hold it for a moment; wait and try again rather than fail for that reason.
    """
    for _ in range(40):
        out = io.StringIO()
        call_command("run_outbox_worker", once=True, stdout=out)
        if "holds the outbox lock" not in out.getvalue():
            break
        time.sleep(0.25)
    return mailoutbox


def link_in(message, pattern=r"https?://\S+/invitations/\S+/"):
    match = re.search(pattern, message.body)
    assert match, message.body
    return match.group(0)


def path_of(url):
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def make_profile(user, **fields):
    profile, _ = MemberProfile.objects.update_or_create(user=user, defaults=fields)
    return profile


def fresh_login(client, user):
    """A session that signed in just now with a password (satisfies re-authentication)."""
    from allauth.account.internal.flows.login import record_authentication

    client.force_login(user)
    request = type("R", (), {})()
    session = client.session
    request.session = session
    record_authentication(request, user, "password", email=user.email)
    session.save()
