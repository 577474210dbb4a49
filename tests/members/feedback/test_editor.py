"""Editors build a feedback form in the page editor: questions with an Easy Read version
publish; a form with no questions, or a choice question with nothing to choose, is refused
with a clear message."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from members.feedback.models import FeedbackPage

pytestmark = pytest.mark.django_db


def question(label, field_type, **extra):
    return {
        "label": label,
        "field_type": field_type,
        "help_text": "",
        "easy_read": "",
        "required": "on",
        "choices": "",
        "default_value": "",
        "scale_low": "Not at all",
        "scale_high": "Very much",
        **extra,
    }


def page_data(questions, **extra):
    return nested_form_data(
        {
            "title": "After the workshop",
            "slug": "after-the-workshop",
            "intro": rich_text(""),
            "thank_you_text": rich_text(""),
            "ask_quote_consent": "on",
            "form_fields": inline_formset(questions),
            "action-publish": "publish",
            **extra,
        }
    )


def add_url(home):
    return reverse("wagtailadmin_pages:add", args=("members", "feedbackpage", home.pk))


def test_an_editor_publishes_a_form_with_an_easy_read_question(
    client, moderator, home_page
):
    client.force_login(moderator)
    data = page_data([question("How did it go?", "scale", easy_read="Was it good?")])
    response = client.post(add_url(home_page), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = FeedbackPage.objects.get(slug="after-the-workshop")
    assert page.live
    assert page.form_fields.get().easy_read == "Was it good?"
    html = client.get(page.url).content.decode()
    assert "In short: Was it good?" in html


def test_publishing_a_form_with_no_questions_is_refused(client, moderator, home_page):
    client.force_login(moderator)
    response = client.post(add_url(home_page), page_data([]), follow=True)
    html = response.content.decode()
    assert "Add at least one question before publishing this form" in html
    assert not FeedbackPage.objects.filter(slug="after-the-workshop").exists()


def test_a_draft_with_no_questions_may_be_saved(client, moderator, home_page):
    client.force_login(moderator)
    data = page_data([])
    del data["action-publish"]
    response = client.post(add_url(home_page), data)
    assert response.status_code == 302
    assert not FeedbackPage.objects.get(slug="after-the-workshop").live


def test_a_choice_question_needs_answers_to_choose_from(client, moderator, home_page):
    client.force_login(moderator)
    data = page_data([question("How did you join?", "radio", choices="Online")])
    response = client.post(add_url(home_page), data)
    assert "Give at least two answers to choose from" in response.content.decode()
    assert not FeedbackPage.objects.exists()


def test_a_question_label_with_no_letters_is_refused(client, moderator, home_page):
    client.force_login(moderator)
    data = page_data([question("???", "singleline")])
    response = client.post(add_url(home_page), data)
    assert "Write the question in words" in response.content.decode()
    assert not FeedbackPage.objects.exists()


def test_help_text_html_from_editors_is_shown_as_text(client, home_page):
    from tests.members.feedback.conftest import make_form

    page = make_form(
        home_page,
        slug="html-hint",
        questions=[
            {
                "label": "Anything else?",
                "field_type": "singleline",
                "help_text": "<img src=x onerror=alert(1)>",
                "easy_read": "<b>bold</b>",
            }
        ],
    )
    html = client.get(page.url).content.decode()
    assert "<img src=x" not in html and "&lt;img src=x" in html
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
