"""Pairing history written by the previous release survives the move into the shared table.

The database is taken back to the schema before the move (members 0015), rows are written with
the models of that time, and the migration is run forward and back.
"""

from datetime import UTC, datetime

import pytest

from tests.migrations.executor import migrate, schema_fixture

BEFORE = [
    ("members", "0015_enquiry_history_to_activity"),
    ("website", "0001_activity"),
]
AFTER = [("members", "0016_pairing_history_to_activity")]


old_schema = schema_fixture(BEFORE)


@pytest.mark.django_db(transaction=True)
def test_pairing_events_move_into_activity_and_back(old_schema):
    Pairing = old_schema.get_model("members", "Pairing")
    PairingEvent = old_schema.get_model("members", "PairingEvent")
    User = old_schema.get_model("members", "User")
    staff = User.objects.create(
        email="old-staff@example.org", first_name="Sam", last_name="Staff"
    )
    partner = User.objects.create(email="old-partner@example.org")
    pairing = Pairing.objects.create(
        leader_role="Director",
        organisation_type="nhs_provider",
        focus="Before the upgrade",
    )
    when = datetime(2026, 3, 4, 10, 30, tzinfo=UTC)
    PairingEvent.objects.create(
        pairing=pairing,
        actor=staff,
        actor_role="staff",
        action="Partner invited",
        from_status="proposed",
        to_status="partner_invited",
        note="Asked by phone first",
        created_at=when,
    )
    PairingEvent.objects.create(
        pairing=pairing,
        actor=partner,
        actor_role="partner",
        action="Session recorded",
        note="04 Mar 2026",
        created_at=when.replace(hour=12),
    )
    PairingEvent.objects.create(
        pairing=pairing,
        actor=None,
        actor_role="system",
        action="Mark as completed",
        from_status="active",
        to_status="completed",
        created_at=when.replace(hour=14),
    )

    new_apps = migrate(AFTER)
    Activity = new_apps.get_model("website", "Activity")
    lines = {
        line.verb: line
        for line in Activity.objects.filter(
            content_type__model="pairing", object_id=pairing.pk
        )
    }
    assert set(lines) == {"partner_invited", "session_recorded", "mark_as_completed"}
    invited = lines["partner_invited"]
    assert (invited.from_state, invited.to_state, invited.note) == (
        "proposed",
        "partner_invited",
        "Asked by phone first",
    )
    assert (
        invited.actor_id,
        invited.actor_name,
        invited.actor_role,
        invited.created_at,
        invited.visibility,
    ) == (staff.pk, "Sam Staff", "staff", when, "staff")
    session = lines["session_recorded"]
    assert (session.actor_name, session.actor_role, session.note) == (
        "old-partner@example.org",
        "partner",
        "04 Mar 2026",
    )
    done = lines["mark_as_completed"]
    assert (done.actor_id, done.actor_role, done.created_at) == (
        None,
        "system",
        when.replace(hour=14),
    )

    old_apps = migrate(BEFORE)
    rows = old_apps.get_model("members", "PairingEvent").objects.order_by("created_at")
    assert [
        (row.action, row.actor_id, row.actor_role, row.from_status, row.to_status)
        for row in rows
    ] == [
        ("Partner invited", staff.pk, "staff", "proposed", "partner_invited"),
        ("Session recorded", partner.pk, "partner", "", ""),
        ("Mark as completed", None, "system", "active", "completed"),
    ]
    assert [row.created_at for row in rows] == [
        when,
        when.replace(hour=12),
        when.replace(hour=14),
    ]
    assert old_apps.get_model("website", "Activity").objects.count() == 0
