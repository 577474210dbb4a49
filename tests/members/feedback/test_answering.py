"""A visitor answers a feedback form: every question type, the Easy Read version under each
question, clear messages for empty, nonsense, huge and hostile answers, quote consent,
signed in or not, the rate limit, and a thank-you that never sends twice."""

import pytest

from members.feedback.forms import QUOTE_FIELD
from members.feedback.models import FeedbackSubmission
from tests.factories.users import UserFactory
from tests.members.feedback.conftest import good_answers, make_form

pytestmark = pytest.mark.django_db


def send(client, page, answers):
    return client.post(page.url, answers)


def test_the_form_shows_each_question_with_its_hint_and_easy_read_version(
    client, feedback_page, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        response = client.get(feedback_page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tell us how we did" in html
    assert "Think about the whole day." in html
    assert "In short: Did we listen to you?" in html
    assert "1 – Not at all" in html and "5 – Very well" in html
    assert 'type="radio" name="would_you_come_again" value="Yes"' in html
    assert 'name="what_helped" value="Papers in advance"' in html
    assert "<textarea" in html
    # The quote consent tick comes last, after every question, and is optional.
    assert html.index("You may quote what I wrote") > html.index("What helped?")
    assert "captcha" not in html.lower()
    assert 'name="csrfmiddlewaretoken"' in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_an_anonymous_visitor_sends_answers_and_sees_the_thank_you(
    client, feedback_page
):
    response = send(client, feedback_page, good_answers())
    assert response.status_code == 302
    assert response["Location"] == feedback_page.url + "?sent=1"
    thanks = client.get(response["Location"]).content.decode()
    assert "Thank you" in thanks and "We have your answers" in thanks
    stored = FeedbackSubmission.objects.get()
    assert stored.user is None
    assert stored.quote_consent is False
    assert stored.form_data["how_well_did_we_listen"] == "4"
    assert stored.form_data["what_helped"] == ["Captions", "Breaks"]
    assert QUOTE_FIELD not in stored.form_data


def test_the_thank_you_is_only_for_the_person_who_just_sent(client, feedback_page):
    html = client.get(feedback_page.url + "?sent=1").content.decode()
    assert "We have your answers" not in html
    assert "How well did we listen?" in html


def test_a_signed_in_member_answers_are_kept_as_theirs(client, feedback_page, member):
    client.force_login(member)
    page = client.get(feedback_page.url).content.decode()
    assert "we will know these answers are yours" in page
    send(client, feedback_page, good_answers())
    assert FeedbackSubmission.objects.get().user == member


def test_quote_consent_is_stored_when_ticked(client, feedback_page):
    send(client, feedback_page, good_answers(**{QUOTE_FIELD: "on"}))
    assert FeedbackSubmission.objects.get().quote_consent is True


def test_a_form_that_does_not_ask_cannot_be_told_it_may_quote(client, home_page):
    page = make_form(home_page, slug="no-quotes", ask_quote_consent=False)
    html = client.get(page.url).content.decode()
    assert "You may quote what I wrote" not in html
    send(client, page, good_answers(**{QUOTE_FIELD: "on"}))
    assert FeedbackSubmission.objects.get().quote_consent is False


def test_empty_answers_are_refused_with_a_message_per_question(client, feedback_page):
    response = send(client, feedback_page, {})
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html
    assert "Answer the question “How well did we listen?”" in html
    assert "Answer the question “Would you come again?”" in html
    assert "Answer the question “Your role”" not in html  # optional
    assert '<a href="#id_how_well_did_we_listen_0">' in html  # summary links to it
    assert not FeedbackSubmission.objects.exists()


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"how_well_did_we_listen": "9"}, "Choose one of the answers shown for"),
        ({"how_well_did_we_listen": "<b>5</b>"}, "Choose one of the answers shown"),
        ({"would_you_come_again": "Maybe"}, "Choose one of the answers shown for"),
        ({"what_helped": ["Snacks"]}, "Choose one of the answers shown for"),
        (
            {"what_could_be_better": "x" * 2001},
            "Your answer to “What could be better?” must be 2,000 characters or "
            "fewer. It has 2001.",
        ),
        ({"your_role": "y" * 501}, "must be 500 characters or fewer"),
        ({"your_role": "null\x00byte"}, "Null characters are not allowed"),
    ],
)
def test_nonsense_and_huge_answers_are_refused_clearly(
    client, feedback_page, answers, message
):
    response = send(client, feedback_page, good_answers(**answers))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not FeedbackSubmission.objects.exists()


def test_a_long_answer_of_exactly_the_limit_is_kept(client, feedback_page):
    send(client, feedback_page, good_answers(what_could_be_better="z" * 2000))
    assert (
        len(FeedbackSubmission.objects.get().form_data["what_could_be_better"]) == 2000
    )


def test_hostile_text_is_stored_as_text_and_shown_inert_when_the_form_comes_back(
    client, feedback_page
):
    hostile = '<script>alert("x")</script>=HYPERLINK("http://evil.example")'
    response = send(
        client,
        feedback_page,
        good_answers(what_could_be_better=hostile, would_you_come_again=""),
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_a_form_with_no_questions_says_so_and_takes_nothing(client, home_page):
    page = make_form(home_page, slug="empty", questions=[])
    html = client.get(page.url).content.decode()
    assert "This form has no questions yet" in html
    response = client.post(page.url, {"anything": "x"})
    assert response.status_code == 200
    assert not FeedbackSubmission.objects.exists()


def test_too_many_answers_from_one_address_are_paused(client, feedback_page, settings):
    settings.FEEDBACK_RATE_LIMIT_PER_IP = 2
    for _ in range(2):
        assert send(client, feedback_page, good_answers()).status_code == 302
    response = send(client, feedback_page, good_answers())
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert FeedbackSubmission.objects.count() == 2


def test_refused_answers_do_not_count_towards_the_limit(
    client, feedback_page, settings
):
    settings.FEEDBACK_RATE_LIMIT_PER_IP = 1
    send(client, feedback_page, {})
    assert send(client, feedback_page, good_answers()).status_code == 302


def test_another_visitor_can_answer_after_someone_signed_in(client, feedback_page):
    client.force_login(UserFactory(email="someone@example.org"))
    send(client, feedback_page, good_answers())
    client.logout()
    send(client, feedback_page, good_answers())
    assert [s.user_id is None for s in FeedbackSubmission.objects.order_by("pk")] == [
        False,
        True,
    ]
