"""Editorial pages, people and images for the suite (fixed values where tests read them)."""

import datetime
import json
from io import BytesIO

import factory
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from home.models import (
    ContentPage,
    NewsIndexPage,
    NewsPage,
    PeopleIndexPage,
    Person,
    PersonKind,
    ProgrammePage,
)

_counter = iter(range(1, 10_000_000))


def make_image(title=None, size=(800, 450)):
    """A real PNG in the (in-memory) media storage."""
    buffer = BytesIO()
    PILImage.new("RGB", size, (11, 93, 99)).save(buffer, format="PNG")
    image = get_image_model()(title=title or f"Image {next(_counter)}")
    image.file = ImageFile(BytesIO(buffer.getvalue()), name="test.png")
    image.save()
    return image


class PersonFactory(factory.django.DjangoModelFactory):
    """Someone on the people page."""

    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    role = "Lived Experience Partner"
    kind = PersonKind.PARTNER
    bio = "Lives with a long-term condition and coaches leaders."


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def stream(*blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def make_content_page(parent, **fields):
    n = next(_counter)
    values = {"title": f"Content {n}", "slug": f"content-{n}"}
    values.update(fields)
    return publish_child(parent, ContentPage(**values))


def make_programme_page(parent, **fields):
    n = next(_counter)
    values = {"title": f"Programme {n}", "slug": f"programme-{n}"}
    values.update(fields)
    return publish_child(parent, ProgrammePage(**values))


def ensure_news_index(home_page):
    index = NewsIndexPage.objects.child_of(home_page).filter(slug="news").first()
    if index is None:
        index = publish_child(
            home_page, NewsIndexPage(title="News", slug="news", intro="Our news.")
        )
    return index


def make_news(index, *, tags=(), authors=(), **fields):
    n = next(_counter)
    values = {
        "title": f"News item {n}",
        "slug": f"news-item-{n}",
        "summary": f"Summary of item {n}.",
        "date": datetime.date(2024, 1, 1) + datetime.timedelta(days=n % 300),
    }
    values.update(fields)
    page = NewsPage(**values)
    if tags:
        page.tags.add(*tags)
    if authors:
        page.authors = list(authors)
    return publish_child(index, page)


def make_people_page(parent, **fields):
    values = {"title": "Our people", "slug": "people"}
    values.update(fields)
    return publish_child(parent, PeopleIndexPage(**values))
