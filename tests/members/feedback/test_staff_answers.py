"""Programme staff (and the form's editors) read the answers in the admin and download
them; hostile text is inert in the listing and in the spreadsheet; nobody else gets in,
and staff cannot delete answers."""

import pytest
from django.urls import reverse

from members.feedback import services
from members.feedback.models import FeedbackSubmission
from tests.factories.users import UserFactory
from tests.members.feedback.conftest import good_answers

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://evil.example","click")'
SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def answered(feedback_page, member):
    form = feedback_page.get_form(
        good_answers(
            what_could_be_better=HOSTILE,
            your_role=SCRIPT,
            **{"feedback__quote_consent": "on"},
        ),
        page=feedback_page,
        user=member,
    )
    assert form.is_valid(), form.errors
    return services.store_answers(feedback_page, form, member)


def listing(page):
    return reverse("wagtailforms:list_submissions", args=[page.pk])


def test_staff_see_the_answers_with_hostile_text_inert(
    client, staff, feedback_page, answered, django_assert_max_num_queries
):
    client.force_login(staff)
    with django_assert_max_num_queries(40):
        response = client.get(listing(feedback_page))
    html = response.content.decode()
    assert response.status_code == 200
    assert "More breaks" not in html  # replaced by the hostile answer
    assert "&lt;script&gt;alert" in html and SCRIPT not in html
    assert "Captions, Breaks" in html
    assert "May we quote them" in html
    assert member_name_absent(html, answered)


def member_name_absent(html, submission):
    """The listing says someone was signed in, never who."""
    return "member@example.org" not in html and "Signed in" in html


def test_the_csv_export_quotes_formulas(client, staff, feedback_page, answered):
    client.force_login(staff)
    response = client.get(listing(feedback_page) + "?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    header, row = body.strip().splitlines()[:2]
    assert "How well did we listen?" in header and "May we quote them" in header
    assert "'=HYPERLINK" in row
    assert ",=HYPERLINK" not in row and ',"=HYPERLINK' not in row
    assert "Captions, Breaks" in row and "Yes" in row


def test_the_excel_export_downloads(client, staff, feedback_page, answered):
    client.force_login(staff)
    response = client.get(listing(feedback_page) + "?export=xlsx")
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_the_feedback_screen_lists_forms_with_their_counts(
    client, staff, feedback_page, answered, django_assert_max_num_queries
):
    client.force_login(staff)
    with django_assert_max_num_queries(30):
        response = client.get(reverse("feedback_admin:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tell us how we did" in html
    assert listing(feedback_page) in html
    assert "<td>1</td>" in html


def test_editors_read_the_answers_of_forms_they_may_change(
    client, editor, feedback_page, answered
):
    client.force_login(editor)
    assert client.get(listing(feedback_page)).status_code == 200
    assert client.get(reverse("feedback_admin:index")).status_code == 200


@pytest.mark.parametrize("groups", [["Finance staff"], ["Safeguarding leads"]])
def test_other_admin_users_are_refused(client, feedback_page, answered, groups):
    client.force_login(UserFactory(email="other@example.org", groups=groups))
    assert client.get(listing(feedback_page)).status_code == 403
    assert client.get(listing(feedback_page) + "?export=csv").status_code == 403


def test_members_never_reach_the_answers(client, member, feedback_page, answered):
    client.force_login(member)
    response = client.get(listing(feedback_page))
    assert response.status_code == 302 and "/admin/" not in response["Location"]


def test_staff_cannot_delete_answers(client, staff, feedback_page, answered):
    client.force_login(staff)
    url = reverse("wagtailforms:delete_submissions", args=[feedback_page.pk])
    client.post(url + f"?selected-submissions={answered.pk}")
    assert FeedbackSubmission.objects.filter(pk=answered.pk).exists()
