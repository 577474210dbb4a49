"""A published feedback form with one question of each type, under the demo home page."""

import pytest

from members.feedback.models import FeedbackPage, FeedbackQuestion

QUESTIONS = [
    {
        "label": "How well did we listen?",
        "field_type": "scale",
        "easy_read": "Did we listen to you?",
        "help_text": "Think about the whole day.",
        "scale_low": "Not at all",
        "scale_high": "Very well",
    },
    {"label": "Would you come again?", "field_type": "yesno"},
    {"label": "Your role", "field_type": "singleline", "required": False},
    {"label": "What could be better?", "field_type": "multiline", "required": False},
    {
        "label": "How did you join?",
        "field_type": "radio",
        "choices": "Online\nIn person",
    },
    {
        "label": "What helped?",
        "field_type": "checkboxes",
        "choices": "Captions\nBreaks\nPapers in advance",
        "required": False,
    },
]


def make_form(home, slug="how-we-did", questions=QUESTIONS, **fields):
    page = FeedbackPage(
        title=fields.pop("title", "Tell us how we did"), slug=slug, **fields
    )
    page.form_fields = [
        FeedbackQuestion(sort_order=n, **question)
        for n, question in enumerate(questions)
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
    return FeedbackPage.objects.get(pk=page.pk)


@pytest.fixture
def feedback_page(home_page):
    return make_form(home_page)


def good_answers(**overrides):
    return {
        "how_well_did_we_listen": "4",
        "would_you_come_again": "Yes",
        "your_role": "Carer",
        "what_could_be_better": "More breaks, please.",
        "how_did_you_join": "Online",
        "what_helped": ["Captions", "Breaks"],
        **overrides,
    }
