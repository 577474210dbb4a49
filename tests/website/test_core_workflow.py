"""website.workflow and website.activity: declared moves, refused ones, history lines."""

import pytest
from django.core.exceptions import PermissionDenied

from members.enquiries.models import Enquiry
from tests.factories import UserFactory
from website import activity
from website.workflow import Transition, TransitionNotAllowed, Workflow

S = Enquiry.Status
calls = []


def staff_only(user, record):
    return user is not None and user.email.startswith("staff")


FLOW = Workflow(
    Enquiry,
    transitions=[
        Transition(S.NEW, S.IN_PROGRESS, who=staff_only),
        Transition([S.NEW, S.IN_PROGRESS], S.CLOSED, who=staff_only),
        Transition(S.CLOSED, S.IN_PROGRESS, who=staff_only, label="Reopen"),
    ],
    timestamps={S.CLOSED: "closed_at"},
    after=[lambda record, transition, by, note: calls.append((record.status, note))],
)


@pytest.fixture
def enquiry(db):
    from tests.factories.enquiries import EnquiryFactory

    calls.clear()
    return EnquiryFactory(status=S.NEW)


@pytest.fixture
def staff_user(db):
    return UserFactory(
        email="staff.flow@example.org", first_name="Sam", last_name="Staff"
    )


def test_a_declared_move_saves_the_state_stamps_and_history(enquiry, staff_user):
    FLOW.move(enquiry, S.CLOSED, by=staff_user, note="Sorted by phone")
    enquiry.refresh_from_db()
    assert enquiry.status == S.CLOSED and enquiry.closed_at is not None
    [line] = activity.history(enquiry)
    assert line.label == "Status changed from New to Closed"
    assert line.actor_name == "Sam Staff" and line.note == "Sorted by phone"
    assert calls == [(S.CLOSED, "Sorted by phone")]


def test_leaving_a_stamped_state_clears_its_timestamp(enquiry, staff_user):
    FLOW.move(enquiry, S.CLOSED, by=staff_user)
    FLOW.move(enquiry, S.IN_PROGRESS, by=staff_user)
    enquiry.refresh_from_db()
    assert enquiry.closed_at is None


def test_a_move_the_table_does_not_hold_is_refused_and_changes_nothing(
    enquiry, staff_user
):
    with pytest.raises(TransitionNotAllowed):
        FLOW.move(enquiry, S.MATCHED, by=staff_user)
    enquiry.refresh_from_db()
    assert enquiry.status == S.NEW and not activity.for_record(enquiry).exists()


def test_a_stale_object_cannot_repeat_a_move_someone_else_made(enquiry, staff_user):
    stale = Enquiry.objects.get(pk=enquiry.pk)
    FLOW.move(enquiry, S.IN_PROGRESS, by=staff_user)
    with pytest.raises(TransitionNotAllowed):
        FLOW.move(stale, S.IN_PROGRESS, by=staff_user)  # the double click
    assert activity.for_record(enquiry).count() == 1


def test_someone_the_transition_does_not_allow_is_refused(enquiry):
    outsider = UserFactory(email="member.flow@example.org")
    with pytest.raises(PermissionDenied):
        FLOW.move(enquiry, S.CLOSED, by=outsider)
    assert FLOW.targets(enquiry, outsider) == []
    enquiry.refresh_from_db()
    assert enquiry.status == S.NEW


def test_targets_lists_what_this_person_may_do_now(enquiry, staff_user):
    assert FLOW.targets(enquiry, staff_user) == [S.IN_PROGRESS, S.CLOSED]


def test_participants_see_only_lines_marked_for_them(enquiry, staff_user):
    activity.record(enquiry, by=staff_user, verb="note", note="internal")
    activity.record(
        enquiry, by=staff_user, verb="created", visibility=activity.PARTICIPANTS
    )
    assert [e.label for e in activity.history(enquiry, participant=True)] == ["Created"]
    assert len(activity.history(enquiry)) == 2


def test_erasing_an_actor_keeps_the_line_but_not_the_name(enquiry, staff_user):
    FLOW.move(enquiry, S.CLOSED, by=staff_user)
    activity.erase_actor(staff_user)
    [line] = activity.history(enquiry)
    assert line.actor is None and line.actor_name == ""
    assert line.label == "Status changed from New to Closed"


class FeatureError(Exception):
    pass


STRICT = Workflow(
    Enquiry,
    transitions=[
        Transition(
            S.NEW,
            S.CLOSED,
            name="close",
            note_required="Say why you are closing it.",
        )
    ],
    error=FeatureError,
    refused=lambda record, target: "Only a new enquiry can be closed here.",
)


def test_a_feature_can_require_a_reason_and_word_its_own_refusals(enquiry, staff_user):
    with pytest.raises(FeatureError, match="Say why"):
        STRICT.move(enquiry, S.CLOSED, by=staff_user, note="  ")
    STRICT.move(enquiry, STRICT.named("close").target, by=staff_user, note="Duplicate")
    with pytest.raises(FeatureError, match="Only a new enquiry"):
        STRICT.move(enquiry, S.CLOSED, by=staff_user, note="again")
