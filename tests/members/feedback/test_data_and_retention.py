"""Answers are kept FEEDBACK_RETENTION_DAYS and then deleted; a signed-in person's answers
are in their data download and go when they delete their account."""

from datetime import timedelta

import pytest
from django.utils import timezone

from members.feedback import exports, services
from members.feedback.models import FeedbackSubmission
from members.feedback.retention import purge_feedback
from tests.factories.users import UserFactory
from tests.members.accounts.accounts_helpers import fresh_login
from tests.members.feedback.conftest import good_answers

pytestmark = pytest.mark.django_db


def answer(page, user=None, days_ago=0, **answers):
    form = page.get_form(good_answers(**answers), page=page, user=user)
    assert form.is_valid(), form.errors
    submission = services.store_answers(page, form, user)
    FeedbackSubmission.objects.filter(pk=submission.pk).update(
        submit_time=timezone.now() - timedelta(days=days_ago)
    )
    return submission


def test_answers_older_than_the_period_are_deleted_once(feedback_page, settings):
    settings.FEEDBACK_RETENTION_DAYS = 30
    old = answer(feedback_page, days_ago=31)
    recent = answer(feedback_page, days_ago=29)
    assert purge_feedback(timezone.now()) == 1
    assert purge_feedback(timezone.now()) == 0
    assert list(FeedbackSubmission.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not FeedbackSubmission.objects.filter(pk=old.pk).exists()


def test_the_default_period_is_two_years(feedback_page):
    answer(feedback_page, days_ago=729)
    assert purge_feedback(timezone.now()) == 0
    answer(feedback_page, days_ago=731)
    assert purge_feedback(timezone.now()) == 1


def test_the_purge_command_reports_the_step(feedback_page, capsys):
    from django.core.management import call_command

    answer(feedback_page, days_ago=800)
    call_command("purge_expired")
    assert "deleted 1 feedback answers past their retention period" in (
        capsys.readouterr().out
    )


def test_a_members_answers_are_in_their_download_and_nobody_elses(
    feedback_page, member, member_other
):
    answer(feedback_page, member, what_could_be_better="ZZ-MINE")
    answer(feedback_page, member_other, what_could_be_better="ZZ-THEIRS")
    answer(feedback_page, None, what_could_be_better="ZZ-ANON")
    section = exports.export_feedback(member)
    assert section.key == "feedback"
    assert [r["answers"]["what_could_be_better"] for r in section.records] == [
        "ZZ-MINE"
    ]
    assert section.records[0]["form"] == "Tell us how we did"
    assert exports.export_feedback(UserFactory(email="nobody@example.org")) is None


def test_the_download_page_shows_the_answers(client, feedback_page, member):
    answer(feedback_page, member, what_could_be_better="ZZ-MINE")
    fresh_login(client, member)  # the download asks for a recent sign-in
    response = client.get("/portal/my-data/download.json")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert '"feedback"' in body and "ZZ-MINE" in body


def test_erasure_deletes_only_the_persons_answers(feedback_page, member, member_other):
    answer(feedback_page, member)
    kept = answer(feedback_page, member_other)
    anonymous = answer(feedback_page, None)
    exports.erase_feedback(member)
    assert set(FeedbackSubmission.objects.values_list("pk", flat=True)) == {
        kept.pk,
        anonymous.pk,
    }
