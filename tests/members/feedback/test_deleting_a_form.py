"""A feedback form holding answers is never deleted with them, alone, under a page being
deleted, or in a bulk delete; the editor is told what to do instead. A form with no
answers deletes as any page does."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from members.feedback.models import FeedbackPage, FeedbackSubmission
from tests.members.feedback.conftest import make_form
from tests.members.feedback.test_data_and_retention import answer

pytestmark = pytest.mark.django_db
REASON = "it would delete 2 feedback answers with it"


def said(response):
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def test_a_form_with_answers_is_not_deleted(client, superuser, feedback_page):
    answer(feedback_page)
    answer(feedback_page)
    client.force_login(superuser)
    delete = reverse("wagtailadmin_pages:delete", args=[feedback_page.pk])
    for response in (client.get(delete), client.post(delete)):
        assert response.status_code == 302
        assert response["Location"] == reverse(
            "wagtailadmin_pages:edit", args=[feedback_page.pk]
        )
        assert REASON in said(response) and "unpublish the form" in said(response)
    assert FeedbackPage.objects.filter(pk=feedback_page.pk).exists()
    assert FeedbackSubmission.objects.count() == 2


def test_a_page_above_a_form_with_answers_is_not_deleted(
    client, superuser, home_page, feedback_page
):
    answer(feedback_page)
    answer(feedback_page)
    client.force_login(superuser)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[home_page.pk]))
    assert response.status_code == 302 and REASON in said(response)
    assert FeedbackSubmission.objects.count() == 2


def test_a_bulk_delete_keeps_every_page_when_one_holds_answers(
    client, superuser, home_page, feedback_page
):
    answer(feedback_page)
    answer(feedback_page)
    empty = make_form(home_page, slug="no-answers-yet", title="No answers yet")
    client.force_login(superuser)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    response = client.post(f"{url}?id={feedback_page.pk}&id={empty.pk}&next=/admin/")
    assert response.status_code == 302 and REASON in said(response)
    assert FeedbackPage.objects.filter(pk__in=[feedback_page.pk, empty.pk]).count() == 2
    assert FeedbackSubmission.objects.count() == 2


def test_a_form_without_answers_deletes_as_usual(client, superuser, home_page):
    empty = make_form(home_page, slug="no-answers-yet", title="No answers yet")
    client.force_login(superuser)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[empty.pk]))
    assert response.status_code == 302
    assert not FeedbackPage.objects.filter(pk=empty.pk).exists()
