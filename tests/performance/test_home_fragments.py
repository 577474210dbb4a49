"""The home page's kept pieces (website/fragments.py) never show anything stale or meant
for someone else: a publish shows at once, and members-only opportunities stay with members.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.opportunities.choices import Audience
from tests.factories.opportunities import ensure_index, make_opportunity


def home_html(client):
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_published_opportunity_is_on_the_home_page_at_once(
    client, home_page, fragments_on
):
    index = ensure_index(home_page)
    make_opportunity(index, title="Panel on hospital discharge")
    home_html(client)  # the first visit makes the site's settings rows
    assert "Panel on hospital discharge" in home_html(client)
    make_opportunity(index, title="Study of carers' breaks")
    assert "Study of carers&#x27; breaks" in home_html(client)


def test_an_edited_home_page_shows_its_new_highlights_at_once(
    client, home_page, fragments_on
):
    from tests.factories.home import ensure_news_index, make_news

    news = ensure_news_index(home_page)
    make_news(news, title="First article")
    home_html(client)  # the first visit makes the site's settings rows
    assert "First article" in home_html(client)
    make_news(news, title="Second article")
    assert "Second article" in home_html(client)


def test_members_only_opportunities_stay_with_members(
    client, home_page, member, fragments_on
):
    index = ensure_index(home_page)
    make_opportunity(index, title="Members' reference group", audience=Audience.MEMBERS)
    home_html(client)  # the first visit makes the site's settings rows
    assert "Members&#x27; reference group" not in home_html(client)
    client.force_login(member)
    assert "Members&#x27; reference group" in home_html(client)
    client.logout()
    assert "Members&#x27; reference group" not in home_html(client)


def test_a_warm_home_page_builds_no_slot_and_no_menu(client, home_page, fragments_on):
    index = ensure_index(home_page)
    for n in range(3):
        make_opportunity(index, title=f"Opportunity to shape care {n}")
    home_html(client)
    home_html(client)  # site settings rows are made on the first visit
    with CaptureQueriesContext(connection) as warm:
        home_html(client)
    sql = " ".join(query["sql"] for query in warm.captured_queries)
    assert "members_opportunitypage" not in sql
    assert "home_navigationsettings" not in sql
    assert "networks_networkpage" not in sql


def test_a_preview_of_a_draft_never_reaches_the_public(client, home_page, fragments_on):
    """An editor previews the home page with a programme chosen but not published: the
    preview shows it, and no visitor sees it afterwards."""
    from tests.factories.home import make_programme_page

    programme = make_programme_page(home_page, title="Plan still under discussion")
    home_html(client)  # the first visit makes the site's settings rows
    draft = type(home_page).objects.get(pk=home_page.pk)
    draft.featured_programme = programme
    preview = draft.make_preview_request()
    assert "Plan still under discussion" in preview.content.decode()
    assert "Plan still under discussion" not in home_html(client)


def test_the_hero_and_sharing_tags_are_kept_and_a_publish_shows_at_once(
    client, home_page, fragments_on
):
    from tests.factories.home import make_image

    home_page.hero_heading = "Voices that change care"
    home_page.hero_image = make_image(title="Hero picture")
    home_page.hero_image_alt = "People talking round a table"
    home_page.save_revision().publish()
    home_html(client)  # the first visit makes the site's settings rows and renditions
    home_html(client)
    with CaptureQueriesContext(connection) as warm:
        html = home_html(client)
    assert "Voices that change care" in html
    assert (
        'property="og:image"' in html and 'alt="People talking round a table"' in html
    )
    sql = " ".join(query["sql"] for query in warm.captured_queries)
    assert "wagtailimages_image" not in sql
    home_page.refresh_from_db()
    home_page.hero_heading = "Care shaped by the people who use it"
    home_page.hero_image = None
    home_page.save_revision().publish()
    html = home_html(client)
    assert "Care shaped by the people who use it" in html
    assert 'property="og:image"' not in html and "Hero picture" not in html


def test_a_preview_of_a_new_hero_never_reaches_the_public(
    client, home_page, fragments_on
):
    home_html(client)
    draft = type(home_page).objects.get(pk=home_page.pk)
    draft.hero_heading = "Heading not yet agreed"
    preview = draft.make_preview_request()
    assert "Heading not yet agreed" in preview.content.decode()
    assert "Heading not yet agreed" not in home_html(client)
