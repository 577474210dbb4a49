"""The demo's feedback forms: /feedback/ "Tell us how we did" with a scale question in Easy
Read, a yes or no, a longer answer and quote consent; and the webinar's form."""

import pytest

from members.events import demo as events_demo
from members.feedback import demo
from members.feedback.models import FeedbackPage

pytestmark = pytest.mark.django_db


def test_the_demo_builds_both_forms_once(client, home_page):
    events_demo.load()
    demo.load()
    demo.load()
    assert FeedbackPage.objects.count() == 2
    html = client.get("/feedback/").content.decode()
    assert "Tell us how we did" in html
    assert "In short: Did we listen?" in html
    assert "Would you take part again?" in html and "<textarea" in html
    assert "You may quote what I wrote" in html
    webinar_form = FeedbackPage.objects.get(slug="webinar-feedback")
    assert webinar_form.event.slug == demo.WEBINAR
    assert webinar_form.live
