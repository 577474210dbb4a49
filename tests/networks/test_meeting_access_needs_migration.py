"""Bookings made before members could share access needs keep their place and status; they
simply share nothing, and going back drops only the new column."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from tests.factories.networks import make_network
from tests.migrations.executor import migrate, schema_fixture

BEFORE = [("networks", "0003_update_history_to_activity")]
AFTER = [("networks", "0004_meeting_registration_access_needs")]


old_schema = schema_fixture(BEFORE)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_bookings_are_kept_sharing_nothing(old_schema, home_page):
    # Meetings are events today, so the meeting is written with the 0003 model.
    network = make_network(home_page, "west-midlands")
    starts = timezone.now() + timedelta(days=10)
    OldMeeting = old_schema.get_model("networks", "Meeting")
    meeting = OldMeeting.objects.create(
        network_id=network.pk,
        title="Spring gathering",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        places=1,
    )
    first = UserFactory(email="first.booker@example.org")
    second = UserFactory(email="second.booker@example.org")
    OldRegistration = old_schema.get_model("networks", "MeetingRegistration")
    OldRegistration.objects.create(
        meeting_id=meeting.pk, user_id=first.pk, status="confirmed"
    )
    OldRegistration.objects.create(
        meeting_id=meeting.pk, user_id=second.pk, status="waiting"
    )

    Registration = migrate(AFTER).get_model("networks", "MeetingRegistration")
    rows = list(
        Registration.objects.order_by("pk").values_list(
            "user_id", "status", "access_needs"
        )
    )
    assert rows == [(first.pk, "confirmed", ""), (second.pk, "waiting", "")]

    Registration.objects.filter(user_id=first.pk).update(access_needs="Hearing loop")
    Back = migrate(BEFORE).get_model("networks", "MeetingRegistration")
    assert list(Back.objects.order_by("pk").values_list("user_id", "status")) == [
        (first.pk, "confirmed"),
        (second.pk, "waiting"),
    ]
