"""Demo content for the editorial site, built idempotently by `manage.py load_demo`.

Every function looks for what it would create and leaves existing content alone, so a second
run adds no pages, revisions, images or people. The text is written for the demo from the
programme's public facts; the people are invented and marked as demo.
"""

from wagtail.models import Site

from home.demo.content import (
    ABOUT,
    ACCESSIBILITY,
    COPRODUCTION,
    PRIVACY,
    ensure_content_page,
)
from home.demo.easy_read import ensure_easy_read_pages
from home.demo.home_page import (
    ensure_home_content,
    ensure_home_page,
    ensure_moderation_workflow,
    ensure_site,
)
from home.demo.images import ensure_images
from home.demo.navigation import ensure_settings
from home.demo.news import ensure_news
from home.demo.people import ensure_people, ensure_people_page
from home.demo.programme import ensure_programme_page

__all__ = ["ensure_home_page", "ensure_site", "load"]


def load():
    home = ensure_home_page()
    ensure_site(home)
    ensure_moderation_workflow()
    images = ensure_images()
    people = ensure_people(images)
    programme = ensure_programme_page(home, images)
    coproduction = ensure_content_page(home, "what-is-co-production", COPRODUCTION)
    about = ensure_content_page(home, "about-us", ABOUT)
    ensure_people_page(about)
    privacy = ensure_content_page(home, "privacy", PRIVACY)
    accessibility = ensure_content_page(home, "accessibility", ACCESSIBILITY)
    news = ensure_news(home, images, people)
    ensure_home_content(home, programme, images)
    ensure_easy_read_pages(home, programme, images)
    ensure_settings(
        Site.objects.get(is_default_site=True),
        menu=[programme, coproduction, news, about],
        privacy=privacy,
        accessibility=accessibility,
    )
    return home
