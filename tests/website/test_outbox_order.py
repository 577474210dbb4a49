"""Mail of the same priority is picked from the outbox oldest first.

When more is queued than one pass sends, the oldest goes first; on PostgreSQL rows come
back in no fixed order unless the worker asks for one. (Within a pass the outbox sends on
several threads, so delivery inside one batch is not ordered.)
"""

import pytest
from post_office import mail
from post_office.mail import get_queued
from post_office.models import STATUS, Email

pytestmark = pytest.mark.django_db


def test_queued_mail_is_picked_oldest_first():
    emails = [
        mail.send(
            "reader@example.org",
            "voices@example.org",
            subject=f"Message {n}",
            message="Hello",
            priority="medium",
        )
        for n in range(1, 6)
    ]
    # Touch the oldest last, as a retry would: storage order no longer matches age.
    Email.objects.filter(pk=emails[0].pk).update(status=STATUS.queued)
    Email.objects.filter(pk=emails[2].pk).update(status=STATUS.queued)
    assert [e.subject for e in get_queued()] == [f"Message {n}" for n in range(1, 6)]
