"""IV-2: template syntax people type is never evaluated on its way into an email.

django-post-office renders every message it queues as a Django template, so text already
rendered from our templates went through a second, unintended template pass: `{{7*7}}` in an
enquiry raised TemplateSyntaxError and the leader saw a server error (found by the IV-2
browser journey). `website.outbox` hands post_office text it gives back unchanged.
"""

import pytest
from django.core.cache import cache
from post_office.models import Email

from members.models import Enquiry
from tests.members.enquiries.test_enquiry_form import enquiry_page, valid_data  # noqa: F401
from website import outbox

TYPED = "Pat {{7*7}} {% now 'Y' %} {% debug %} {% endverbatim %} <b>&amp;</b>"


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def test_iv2_enquiry_with_template_syntax_is_acknowledged_and_emailed_as_typed(
    client,
    enquiry_page,  # noqa: F811
):
    response = client.post(
        "/enquire/",
        valid_data(full_name="Pat {{7*7}} {% now 'Y' %}", message=f"Hello. {TYPED}"),
    )
    assert response.status_code == 302
    assert response["Location"] == "/enquire/thank-you/"
    enquiry = Enquiry.objects.get()
    assert enquiry.message == f"Hello. {TYPED}"
    emails = list(Email.objects.all())
    assert len(emails) == 2
    staff_email = next(e for e in emails if "priya.shah@example.org" not in e.to)
    assert "Pat {{7*7}} {% now 'Y' %}" in staff_email.message
    for email in emails:
        assert "49" not in email.message
        assert "verbatim" not in email.message


@pytest.mark.django_db
def test_iv2_outbox_queues_subject_and_bodies_exactly_as_given():
    outbox.send(
        ["someone@example.org"],
        "noreply@example.org",
        subject=f"Re: {TYPED}",
        message=TYPED,
        html_message=f"<p>{TYPED}</p>",
        priority="medium",
    )
    outbox.send_many(
        [
            {
                "recipients": ["other@example.org"],
                "sender": "noreply@example.org",
                "subject": "Update: {{ title }}",
                "message": TYPED,
                "html_message": "",
                "priority": "medium",
            }
        ]
    )
    first, second = Email.objects.order_by("pk")
    assert first.subject == f"Re: {TYPED}"
    assert first.message == TYPED
    assert first.html_message == f"<p>{TYPED}</p>"
    assert second.subject == "Update: {{ title }}"
    assert second.message == TYPED
    assert second.html_message == ""
