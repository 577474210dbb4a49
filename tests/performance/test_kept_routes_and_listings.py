"""Remembered routes and kept listings (website/fragments.py) never show anything stale,
private or meant for someone else: a change shows at once, a page made private stops being
served, members-only opportunities stay with members, and one-time form tokens stay fresh.
"""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from members.opportunities.choices import Audience
from tests.factories.enquiries import make_enquiry_page
from tests.factories.home import ensure_news_index, make_content_page, make_news
from tests.factories.opportunities import ensure_index, make_opportunity
from website import fragments


def html(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


def test_a_remembered_route_serves_the_page_in_fewer_queries(
    client, home_page, fragments_on
):
    page = make_content_page(home_page, title="About the programme", slug="about")
    html(client, "/")  # the first visit makes the site's settings rows
    with CaptureQueriesContext(connection) as first:
        html(client, page.url)
    with CaptureQueriesContext(connection) as again:
        assert "About the programme" in html(client, page.url)
    assert len(again) < len(first)


def test_a_page_made_private_is_no_longer_served_to_visitors(
    client, home_page, fragments_on
):
    page = make_content_page(home_page, title="Planning notes", slug="planning")
    html(client, "/")
    assert "Planning notes" in html(client, page.url)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_page_made_private_leaves_the_whole_page_cache_too(
    client, home_page, settings
):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 300
    page = make_content_page(home_page, title="Board papers", slug="papers")
    html(client, "/")
    html(client, page.url)
    assert client.get(page.url)["X-Cache"] == "HIT"
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(page.url).status_code == 302


def test_a_renamed_page_is_found_at_its_new_address_at_once(
    client, home_page, fragments_on
):
    page = make_content_page(home_page, title="Our team", slug="team")
    html(client, "/")
    html(client, "/team/")
    page.slug = "people-we-work-with"
    page.save_revision().publish()
    assert client.get("/team/").status_code == 404
    assert "Our team" in html(client, "/people-we-work-with/")


def test_a_sub_route_of_a_remembered_page_still_resolves(
    client, home_page, fragments_on
):
    news = ensure_news_index(home_page)
    make_news(news, title="Carers shape the discharge pathway")
    html(client, "/")
    html(client, "/news/")
    feed = client.get("/news/feed/")
    assert feed.status_code == 200
    assert "Carers shape the discharge pathway" in feed.content.decode()
    assert client.get("/news/feed/").status_code == 200


def test_a_new_opportunity_is_in_the_listing_at_once(client, home_page, fragments_on):
    index = ensure_index(home_page)
    make_opportunity(index, title="Panel on hospital discharge")
    html(client, "/")
    assert "Panel on hospital discharge" in html(client, "/opportunities/")
    make_opportunity(index, title="Study of respite for carers")
    assert "Study of respite for carers" in html(client, "/opportunities/")


def test_members_only_opportunities_stay_out_of_the_public_listing(
    client, home_page, member, fragments_on
):
    index = ensure_index(home_page)
    make_opportunity(
        index, title="Reference group for members", audience=Audience.MEMBERS
    )
    html(client, "/")
    client.force_login(member)
    assert "Reference group for members" in html(client, "/opportunities/")
    client.logout()
    assert "Reference group for members" not in html(client, "/opportunities/")


def test_each_filter_choice_is_kept_apart(client, home_page, fragments_on):
    index = ensure_index(home_page)
    make_opportunity(index, title="Midlands carers panel", regions=("west-midlands",))
    make_opportunity(index, title="Northern advisory group", regions=("north-east",))
    html(client, "/")
    midlands = html(client, "/opportunities/?region=west-midlands")
    everything = html(client, "/opportunities/")
    assert "Northern advisory group" not in midlands
    assert "Northern advisory group" in everything
    # The same filters in another order share the kept listing and say the same.
    assert "Northern advisory group" not in html(
        client, "/opportunities/?page=1&region=west-midlands"
    )


def test_a_very_long_query_is_answered_but_not_kept(rf):
    request = rf.get("/opportunities/", {"q": "x" * 400})
    assert fragments.with_query(request, "everyone") is None
    short = rf.get("/opportunities/?b=2&a=1")
    assert fragments.with_query(short, "everyone") == "everyone?a=1&b=2"


def test_search_finds_a_new_page_at_once_and_keeps_queries_apart(
    client, home_page, fragments_on
):
    make_content_page(home_page, title="Coaching for directors", slug="coaching")
    html(client, "/")
    assert "Coaching for directors" in html(client, "/search/?q=coaching")
    assert "Coaching for directors" not in html(client, "/search/?q=zebra")
    make_content_page(home_page, title="Coaching in primary care", slug="primary")
    assert "Coaching in primary care" in html(client, "/search/?q=coaching")


def form_token(page_html):
    return re.search(r'name="form_token" value="([^"]+)"', page_html).group(1)


def test_the_enquiry_form_keeps_its_questions_but_never_its_one_time_token(
    client, home_page, fragments_on
):
    page = make_enquiry_page(home_page)
    html(client, "/")
    first = html(client, page.url)
    second = html(client, page.url)
    assert form_token(first) != form_token(second)
    assert 'name="full_name"' in second
    assert 'name="csrfmiddlewaretoken"' in second


def test_the_news_listing_shows_a_new_article_at_once_and_keeps_tags_apart(
    client, home_page, fragments_on
):
    news = ensure_news_index(home_page)
    make_news(news, title="Carers at the table", tags=["carers"])
    make_news(news, title="Leaders learning together", tags=["leaders"])
    html(client, "/")
    assert "Leaders learning together" not in html(client, "/news/?tag=carers")
    assert "Leaders learning together" in html(client, "/news/")
    assert client.get("/news/?tag=no-such-tag").status_code == 404
    make_news(news, title="A third article", tags=["carers"])
    assert "A third article" in html(client, "/news/?tag=carers")
    assert "A third article" in html(client, "/news/")


def test_a_new_network_is_listed_at_once(client, home_page, fragments_on):
    from tests.factories.networks import make_network

    make_network(home_page, slug="west-midlands")
    html(client, "/")
    assert "West Midlands Network" in html(client, "/networks/")
    make_network(home_page, slug="north-east")
    assert "North East Network" in html(client, "/networks/")
