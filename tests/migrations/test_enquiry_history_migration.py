"""Enquiry history written by the previous release survives the move into the shared table.

The database is taken back to the schema the previous `main` shipped (members 0014), rows are
written with the models of that time, and the migration is run forward and back.
"""

from datetime import UTC, datetime

import pytest

from tests.migrations.executor import migrate, schema_fixture

BEFORE = [("members", "0014_listing_indexes"), ("website", "0001_activity")]
AFTER = [("members", "0015_enquiry_history_to_activity")]


old_schema = schema_fixture(BEFORE)


@pytest.mark.django_db(transaction=True)
def test_enquiry_events_move_into_activity_and_back(old_schema):
    Enquiry = old_schema.get_model("members", "Enquiry")
    EnquiryEvent = old_schema.get_model("members", "EnquiryEvent")
    User = old_schema.get_model("members", "User")
    staff = User.objects.create(email="old-staff@example.org")
    enquiry = Enquiry.objects.create(
        reference="VOI-2026-0001",
        full_name="Old Enquirer",
        email="old@example.org",
        job_title="Director",
        organisation="A trust",
        organisation_type="nhs",
        enquiry_type="general",
        message="Before the upgrade",
    )
    when = datetime(2026, 3, 4, 10, 30, tzinfo=UTC)
    EnquiryEvent.objects.create(
        enquiry=enquiry,
        actor=staff,
        actor_name="Old Staff",
        action="status",
        description="New → In progress",
        created_at=when,
    )
    EnquiryEvent.objects.create(
        enquiry=enquiry,
        actor=None,
        actor_name="",
        action="created",
        description="Received through the website",
        created_at=when.replace(minute=0),
    )

    new_apps = migrate(AFTER)
    Activity = new_apps.get_model("website", "Activity")
    lines = {line.verb: line for line in Activity.objects.filter(object_id=enquiry.pk)}
    assert set(lines) == {"status", "created"}
    status = lines["status"]
    assert (status.from_state, status.to_state, status.note) == ("new", "in_progress", "")
    assert (status.actor_id, status.actor_name, status.created_at) == (
        staff.pk,
        "Old Staff",
        when,
    )
    assert status.content_type.model == "enquiry"
    assert lines["created"].note == "Received through the website"

    old_apps = migrate(BEFORE)
    rows = old_apps.get_model("members", "EnquiryEvent").objects.order_by("created_at")
    assert [(row.action, row.description) for row in rows] == [
        ("created", "Received through the website"),
        ("status", "New → In progress"),
    ]
