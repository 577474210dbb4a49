"""`{% keep %}` (website/templatetags/keep_tags.py): a part of a page rendered once and
kept until anything public changes. The programme page keeps its whole content that way."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory

from tests.factories.home import make_programme_page, stream

TEMPLATE = Template(
    '{% load keep_tags %}{% keep "t" page %}{{ words }}{% endkeep %}|'
    '{% keep "v" page visitors %}{{ words }}{% endkeep %}'
)


def render(page, words, user=None):
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    request.user = user or AnonymousUser()
    return TEMPLATE.render(Context({"request": request, "page": page, "words": words}))


def test_a_kept_part_is_served_again_until_something_is_published(
    home_page, fragments_on
):
    page = make_programme_page(home_page)
    assert render(page, "first") == "first|first"
    assert render(page, "second") == "first|first"
    page.save_revision().publish()  # a publish starts a new generation
    assert render(page, "third") == "third|third"


def test_visitors_parts_are_never_kept_for_a_signed_in_person(
    home_page, fragments_on, django_user_model
):
    page = make_programme_page(home_page)
    member = django_user_model.objects.create_user("m@example.org", "m@example.org")
    assert render(page, "for visitors") == "for visitors|for visitors"
    assert render(page, "for her", user=member) == "for visitors|for her"


def test_each_page_keeps_its_own(home_page, fragments_on):
    one, two = make_programme_page(home_page), make_programme_page(home_page)
    assert render(one, "one") == "one|one"
    assert render(two, "two") == "two|two"


def test_nothing_is_kept_when_fragments_are_off(home_page):
    page = make_programme_page(home_page)
    assert render(page, "first") == "first|first"
    assert render(page, "second") == "second|second"


@pytest.mark.parametrize(
    "source",
    ['{% keep "x" %}{% endkeep %}', '{% keep "x" page everyone %}{% endkeep %}'],
)
def test_a_misused_tag_says_how_to_use_it(source):
    with pytest.raises(TemplateSyntaxError, match="keep"):
        Template("{% load keep_tags %}" + source)


def test_the_programme_page_is_kept_and_a_publish_shows_at_once(
    client, home_page, fragments_on
):
    page = make_programme_page(
        home_page,
        summary="First summary",
        steps=stream(("step", {"title": "Meet us", "text": "Over tea."})),
    )
    first = client.get(page.url).content.decode()
    assert "First summary" in first and "Meet us" in first
    assert client.get(page.url).content.decode() == first
    page.summary = "Second summary"
    page.save_revision().publish()
    again = client.get(page.url).content.decode()
    assert "Second summary" in again and "First summary" not in again


def test_a_programme_page_preview_shows_the_draft(client, home_page, fragments_on):
    page = make_programme_page(home_page, summary="Published summary")
    assert "Published summary" in client.get(page.url).content.decode()
    page.summary = "Draft summary"
    assert "Draft summary" in page.make_preview_request().content.decode()
    assert "Published summary" in client.get(page.url).content.decode()
