"""Co-chair updates written before the shared history keep their story: the backfill turns
each change of status across an update's revisions into one Activity line, and back."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import UserFactory
from tests.factories.networks import UpdateFactory, make_network
from tests.migrations.executor import migrate, schema_fixture

BEFORE = [("networks", "0002_staff_permissions"), ("website", "0001_activity")]
AFTER = [("networks", "0003_update_history_to_activity")]


old_schema = schema_fixture(BEFORE)


# serialized_rollback: an earlier transactional test may have flushed the root page.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_status_changes_in_revisions_become_activity_and_back(old_schema, home_page):
    # The backfill is data only, so today's models match the schema of networks 0002.
    network = make_network(home_page, "west-midlands")
    cochair = UserFactory(email="old.cochair@example.org", first_name="Cass")
    staff = UserFactory(email="old.staff@example.org", first_name="", last_name="")
    update = UpdateFactory(network=network, author=cochair, title="Spring news")
    quiet = UpdateFactory(network=network, author=cochair, title="Never moved")
    Revision = old_schema.get_model("networks", "CoChairUpdateRevision")
    start = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
    steps = [
        (update, "draft", cochair, 0),
        (update, "draft", cochair, 5),  # an edit: no change of status, no line
        (update, "awaiting", cochair, 10),
        (update, "published", staff, 20),
        (quiet, "published", None, 30),
    ]
    for record, status, editor, minutes in steps:
        Revision.objects.create(
            update_id=record.pk,
            title=record.title,
            body=record.body,
            visibility=record.visibility,
            status=status,
            edited_by_id=editor.pk if editor else None,
            created_at=start + timedelta(minutes=minutes),
        )

    new_apps = migrate(AFTER)
    Activity = new_apps.get_model("website", "Activity")
    lines = list(
        Activity.objects.filter(content_type__model="cochairupdate").order_by(
            "created_at"
        )
    )
    assert [
        (
            line.object_id,
            line.verb,
            line.from_state,
            line.to_state,
            line.actor_id,
            line.actor_name,
            line.created_at,
            line.visibility,
        )
        for line in lines
    ] == [
        (
            update.pk,
            "status",
            "",
            "draft",
            cochair.pk,
            cochair.get_full_name(),
            start,
            "staff",
        ),
        (
            update.pk,
            "status",
            "draft",
            "awaiting",
            cochair.pk,
            cochair.get_full_name(),
            start + timedelta(minutes=10),
            "staff",
        ),
        (
            update.pk,
            "status",
            "awaiting",
            "published",
            staff.pk,
            staff.email,
            start + timedelta(minutes=20),
            "staff",
        ),
        (
            quiet.pk,
            "status",
            "",
            "published",
            None,
            "",
            start + timedelta(minutes=30),
            "staff",
        ),
    ]

    old_apps = migrate(BEFORE)
    assert (
        not old_apps.get_model("website", "Activity")
        .objects.filter(content_type__model="cochairupdate")
        .exists()
    )
    assert old_apps.get_model("networks", "CoChairUpdateRevision").objects.count() == 5
