"""Interest history written by the previous release survives the move into the shared table.

The database is taken back to the schema before the move (members 0015), status changes are
written with the models of that time, and the migration is run forward and back.
"""

from datetime import UTC, datetime

import pytest

from tests.factories.opportunities import ensure_index, make_opportunity
from tests.migrations.executor import migrate, migrate_to_latest

BEFORE = [("members", "0015_enquiry_history_to_activity"), ("website", "0001_activity")]
AFTER = [("members", "0016_interest_history_to_activity")]


@pytest.fixture
def opportunity_id(home_page):
    # The page is made with today's models: its tables are the same at both ends.
    opportunity_id = make_opportunity(ensure_index(home_page)).pk
    yield opportunity_id
    migrate_to_latest()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_interest_status_changes_move_into_activity_and_back(opportunity_id):
    old_schema = migrate(BEFORE)
    Interest = old_schema.get_model("members", "ExpressionOfInterest")
    Change = old_schema.get_model("members", "InterestStatusChange")
    User = old_schema.get_model("members", "User")
    member = User.objects.create(email="old-member@example.org")
    staff = User.objects.create(
        email="old-staff@example.org", first_name="Sam", last_name="Staff"
    )
    interest = Interest.objects.create(
        opportunity_id=opportunity_id,
        member=member,
        status="shortlisted",
        why_interested="Before the upgrade",
        availability="Mornings",
    )
    submitted_at = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
    shortlisted_at = datetime(2026, 3, 5, 9, 30, tzinfo=UTC)
    Change.objects.create(
        interest=interest,
        from_status="",
        to_status="submitted",
        changed_by=member,
        created_at=submitted_at,
    )
    Change.objects.create(
        interest=interest,
        from_status="submitted",
        to_status="shortlisted",
        changed_by=staff,
        created_at=shortlisted_at,
    )

    new_apps = migrate(AFTER)
    Activity = new_apps.get_model("website", "Activity")
    lines = list(
        Activity.objects.filter(
            content_type__app_label="members",
            content_type__model="expressionofinterest",
            object_id=interest.pk,
        ).order_by("created_at")
    )
    assert [
        (
            line.verb,
            line.from_state,
            line.to_state,
            line.actor_id,
            line.actor_name,
            line.visibility,
            line.created_at,
        )
        for line in lines
    ] == [
        (
            "status",
            "",
            "submitted",
            member.pk,
            "old-member@example.org",
            "participants",
            submitted_at,
        ),
        (
            "status",
            "submitted",
            "shortlisted",
            staff.pk,
            "Sam Staff",
            "participants",
            shortlisted_at,
        ),
    ]

    old_apps = migrate(BEFORE)
    rows = old_apps.get_model("members", "InterestStatusChange").objects.order_by(
        "created_at"
    )
    assert [
        (row.interest_id, row.from_status, row.to_status, row.changed_by_id, row.created_at)
        for row in rows
    ] == [
        (interest.pk, "", "submitted", member.pk, submitted_at),
        (interest.pk, "submitted", "shortlisted", staff.pk, shortlisted_at),
    ]
    assert not old_apps.get_model("website", "Activity").objects.filter(
        content_type__model="expressionofinterest"
    ).exists()
