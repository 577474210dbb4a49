"""Closed enquiries are anonymised after the retention period; old spam is deleted."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from post_office import mail
from post_office.models import Email

from members.enquiries.services import add_note
from members.models import Enquiry
from tests.factories.enquiries import EnquiryFactory
from website import activity


@pytest.fixture
def old_closed(db, staff):
    enquiry = EnquiryFactory(
        status=Enquiry.Status.CLOSED,
        closed_at=timezone.now() - timedelta(days=731),
        full_name="Old Leader",
        message="Private detail",
        access_needs="BSL interpreter",
        phone="0123",
    )
    add_note(enquiry, "Spoke to Old Leader about their health", staff)
    mail.send(
        "old@example.org",
        "no-reply@example.org",
        subject=f"We have received your enquiry ({enquiry.reference})",
        message="x",
        priority="medium",
    )
    return enquiry


def test_dry_run_changes_nothing(old_closed, capsys):
    call_command("purge_enquiries", dry_run=True)
    out = capsys.readouterr().out
    assert "would anonymise 1 closed enquiry" in out
    assert old_closed.reference in out
    old_closed.refresh_from_db()
    assert old_closed.full_name == "Old Leader"
    assert old_closed.anonymised_at is None


def test_purge_anonymises_old_closed_and_keeps_recent_and_open(old_closed, settings):
    settings.ENQUIRY_RETENTION_DAYS = 730
    recent = EnquiryFactory(
        status=Enquiry.Status.CLOSED,
        closed_at=timezone.now() - timedelta(days=10),
        full_name="Recent Leader",
    )
    still_open = EnquiryFactory(
        status=Enquiry.Status.IN_PROGRESS,
        created_at=timezone.now() - timedelta(days=2000),
        full_name="Open Leader",
    )
    call_command("purge_enquiries")
    old_closed.refresh_from_db()
    assert old_closed.full_name == "Anonymised"
    assert old_closed.message == ""
    assert old_closed.access_needs == ""
    assert old_closed.phone == ""
    assert old_closed.anonymised_at is not None
    assert old_closed.reference.startswith("ENQ-")  # the figures survive
    assert old_closed.enquiry_type == "coaching"
    assert old_closed.notes.get().text == ""
    assert activity.for_record(old_closed).filter(verb="anonymised").exists()
    assert not Email.objects.filter(subject__contains=old_closed.reference).exists()
    recent.refresh_from_db()
    still_open.refresh_from_db()
    assert recent.full_name == "Recent Leader"
    assert still_open.full_name == "Open Leader"


def test_purge_is_safe_to_run_twice(old_closed, capsys):
    call_command("purge_enquiries")
    call_command("purge_enquiries")
    assert "Anonymised 0 closed enquiries" in capsys.readouterr().out
    assert activity.for_record(old_closed).filter(verb="anonymised").count() == 1


def test_retention_days_is_configurable(old_closed, settings):
    settings.ENQUIRY_RETENTION_DAYS = 1000
    call_command("purge_enquiries")
    old_closed.refresh_from_db()
    assert old_closed.anonymised_at is None


def test_spam_older_than_30_days_is_deleted(db):
    old_spam = EnquiryFactory(
        status=Enquiry.Status.SPAM, created_at=timezone.now() - timedelta(days=31)
    )
    new_spam = EnquiryFactory(status=Enquiry.Status.SPAM)
    call_command("purge_enquiries")
    assert not Enquiry.objects.filter(pk=old_spam.pk).exists()
    assert Enquiry.objects.filter(pk=new_spam.pk).exists()
