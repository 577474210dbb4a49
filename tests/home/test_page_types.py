"""Editors can put each page type only where it makes sense, and every type renders."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home import demo
from home.models import (
    ContentPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PeopleIndexPage,
    ProgrammePage,
)
from tests.factories import UserFactory
from tests.factories.home import (
    PersonFactory,
    ensure_news_index,
    make_content_page,
    make_image,
    make_news,
    make_people_page,
    make_programme_page,
    stream,
)


class PageTreeRulesTests(WagtailPageTestCase):
    """Parent/child rules, checked with Wagtail's own page-test helpers."""

    def test_home_page_sits_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_accepts_other_apps_index_pages(self):
        # Enquiries, opportunities and networks add their pages under the home page.
        allowed = set(HomePage.allowed_subpage_models())
        assert {ContentPage, ProgrammePage, NewsIndexPage, PeopleIndexPage} <= allowed
        assert NewsPage not in allowed

    def test_programme_page_only_under_home(self):
        self.assertAllowedParentPageTypes(ProgrammePage, {HomePage})
        self.assertCanNotCreateAt(ContentPage, ProgrammePage)
        self.assertCanNotCreateAt(NewsIndexPage, ProgrammePage)

    def test_content_page_parents(self):
        self.assertAllowedParentPageTypes(
            ContentPage, {HomePage, ContentPage, ProgrammePage}
        )
        self.assertCanNotCreateAt(NewsIndexPage, ContentPage)
        self.assertCanNotCreateAt(NewsPage, ContentPage)

    def test_news_pages_only_under_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(NewsPage, {})
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(ContentPage, NewsPage)

    def test_people_page_under_home_or_content(self):
        self.assertAllowedParentPageTypes(PeopleIndexPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(PeopleIndexPage, {})
        self.assertCanNotCreateAt(NewsIndexPage, PeopleIndexPage)


class AdminCreationTests(WagtailPageTestCase):
    """Creating pages through the real admin form, as an editor would."""

    def setUp(self):
        self.home = demo.ensure_home_page()
        demo.ensure_site(self.home)
        self.client.force_login(
            UserFactory(email="root@example.org", is_superuser=True, is_staff=True)
        )

    def test_content_page_can_be_created_under_home(self):
        self.assertCanCreate(
            self.home,
            ContentPage,
            nested_form_data(
                {
                    "title": "About the team",
                    "slug": "about-the-team",
                    "summary": "Who we are.",
                    "body": streamfield(
                        [
                            ("paragraph", rich_text("<p>Hello</p>")),
                            ("heading", {"text": "Hi", "level": "h2"}),
                        ]
                    ),
                }
            ),
        )

    def test_programme_page_can_be_created_under_home(self):
        self.assertCanCreate(
            self.home,
            ProgrammePage,
            nested_form_data(
                {
                    "title": "Mentoring",
                    "slug": "mentoring",
                    "steps": streamfield([]),
                    "testimonials": streamfield([]),
                    "partners": streamfield([]),
                    "body": streamfield([]),
                    "cta_link": streamfield([]),
                }
            ),
        )

    def test_over_long_seo_title_gets_a_field_message(self):
        url = f"/admin/pages/add/home/contentpage/{self.home.pk}/"
        response = self.client.post(
            url,
            nested_form_data(
                {
                    "title": "Long",
                    "slug": "long",
                    "seo_title": "x" * 80,
                    "body": streamfield([]),
                }
            ),
        )
        assert response.status_code == 200
        assert "65 characters or fewer" in response.content.decode()
        assert not ContentPage.objects.filter(slug="long").exists()

    def test_every_page_type_is_previewable(self):
        index = ensure_news_index(self.home)
        for page in (
            self.home,
            make_programme_page(self.home),
            make_content_page(self.home),
            index,
            make_news(index),
            make_people_page(self.home),
        ):
            # Wagtail's preview machinery, as the editor's Preview button uses it.
            response = page.specific.make_preview_request()
            assert response.status_code == 200, page


@pytest.fixture
def tree(home_page):
    index = ensure_news_index(home_page)
    return {"home": home_page, "news": index}


def test_seo_title_longer_than_65_characters_is_refused(tree):
    page = ContentPage(title="A", slug="a", seo_title="t" * 66)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "seo_title" in error.value.message_dict


def test_hero_image_needs_alt_text_or_decorative_tick(tree):
    home = HomePage.objects.get(pk=tree["home"].pk)
    home.hero_image = make_image()
    with pytest.raises(ValidationError) as error:
        home.clean()
    assert "hero_image_alt" in error.value.message_dict
    home.hero_image_decorative = True
    home.clean()


def test_programme_call_to_action_needs_a_link(tree):
    page = ProgrammePage(title="P", slug="p", cta_heading="Ask us")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "cta_link" in error.value.message_dict


def test_person_photo_needs_alt_text(db):
    person = PersonFactory.build(photo=make_image(), photo_alt_text="")
    with pytest.raises(ValidationError) as error:
        person.clean()
    assert "photo_alt_text" in error.value.message_dict


@pytest.mark.parametrize("with_optional", [False, True])
def test_every_page_type_renders_with_and_without_optional_fields(
    client, tree, with_optional
):
    home, news = tree["home"], tree["news"]
    image = make_image() if with_optional else None
    person = PersonFactory(
        name="Rowan Ash", photo=image, photo_alt_text="Rowan smiling"
    )
    programme = make_programme_page(
        home,
        summary="Coaching by people with lived experience." if with_optional else "",
        listing_image=image,
        who_it_is_for="<p>Senior leaders.</p>" if with_optional else "",
        steps=stream(("step", {"title": "Ask", "text": "Send an enquiry."}))
        if with_optional
        else "[]",
        testimonials=stream(
            (
                "quote",
                {"quote": "It helped.", "person": "", "role": "", "organisation": ""},
            )
        )
        if with_optional
        else "[]",
        partners=stream(("partner", {"name": "ADASS", "url": "", "description": ""}))
        if with_optional
        else "[]",
        cta_heading="Ask us" if with_optional else "",
        cta_link=stream(("link", {"page": None, "url": "/enquire/", "text": "Enquire"}))
        if with_optional
        else "[]",
    )
    content = make_content_page(home, summary="A summary." if with_optional else "")
    article = make_news(
        news,
        listing_image=image,
        tags=["Coaching"] if with_optional else (),
        authors=[person] if with_optional else (),
    )
    people = make_people_page(home)
    if with_optional:
        home.hero_image = image
        home.hero_image_alt = "Two people talking"
        home.featured_programme = programme
        home.save_revision().publish()
    for page in (home, programme, content, news, article, people):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert html.count("<h1") == 1, page.url
        assert page.title in html
    if with_optional:
        assert "Rowan Ash" in client.get(article.url).content.decode()
        people_html = client.get(people.url).content.decode()
        assert 'alt="Rowan smiling"' in people_html
        assert 'loading="lazy"' in people_html
        home_html = client.get("/").content.decode()
        assert "Our programme: " + programme.title in home_html
        assert 'alt="Two people talking"' in home_html


def test_home_page_renders_slots_from_other_apps(client, tree):
    from wagtail import hooks

    from home.slots import HOME_SLOT_HOOK, Slot

    def opportunities(request, page):
        return Slot(
            template="blocks/heading_block.html",
            order=5,
            context={"value": {"text": "Open opportunities", "level": "h2"}},
        )

    def nothing(request, page):
        return None

    with hooks.register_temporarily(HOME_SLOT_HOOK, opportunities):
        with hooks.register_temporarily(HOME_SLOT_HOOK, nothing):
            html = client.get("/").content.decode()
    assert "<h2>Open opportunities</h2>" in html
