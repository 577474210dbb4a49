"""The "Email outbox" admin screen tells staff the truth about waiting, sent and failed mail."""

import re

import pytest
from post_office.models import STATUS, Email

pytestmark = pytest.mark.django_db

OUTBOX = "/admin/enquiry-outbox/"


def queue(n, status, subject="Hello"):
    Email.objects.bulk_create(
        Email(
            from_email="no-reply@example.org",
            to=[f"person{i}@example.org"],
            subject=f"{subject} {i}",
            message="x",
            status=status,
        )
        for i in range(n)
    )


def counts(html):
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    return {
        label: int(re.search(rf"{label} (\d+)", text).group(1))
        for label in ("Waiting to be sent", "Retrying", "Failed", "Sent")
    }


def test_queued_mail_is_counted_not_called_delivered(client, staff):
    queue(19, STATUS.queued)
    queue(2, STATUS.sent)
    client.force_login(staff)
    html = client.get(OUTBOX).content.decode()
    assert counts(html) == {
        "Waiting to be sent": 19,
        "Retrying": 0,
        "Failed": 0,
        "Sent": 2,
    }
    assert "Every email has been delivered" not in html
    assert "19 waiting to be sent" in html


def test_failed_and_retrying_mail_is_listed_with_a_retry_button(client, staff):
    queue(1, STATUS.failed, subject="Broken")
    queue(1, STATUS.requeued, subject="Again")
    queue(3, STATUS.sent)
    client.force_login(staff)
    html = client.get(OUTBOX).content.decode()
    assert counts(html) == {
        "Waiting to be sent": 0,
        "Retrying": 1,
        "Failed": 1,
        "Sent": 3,
    }
    assert html.count("Retry now<span") == 2
    assert "Broken 0" in html and "Again 0" in html


def test_only_when_nothing_waits_is_every_email_delivered(client, staff):
    queue(4, STATUS.sent)
    client.force_login(staff)
    html = client.get(OUTBOX).content.decode()
    assert "Every email has been delivered." in html


def test_the_screen_reads_the_counts_in_a_fixed_number_of_queries(
    client, staff, django_assert_max_num_queries
):
    queue(30, STATUS.failed)
    client.force_login(staff)
    with django_assert_max_num_queries(14):
        assert client.get(OUTBOX).status_code == 200


def test_editors_are_refused(client, editor):
    client.force_login(editor)
    assert client.get(OUTBOX).status_code == 403
