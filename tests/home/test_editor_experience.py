"""What editors get: help text, the checks panel, people snippets with enforced alt text,
the moderation workflow, and a demo site that is the same however often it is loaded."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Workflow, WorkflowPage

from home import models as home_models
from tests.factories.home import make_content_page, make_image

EDITORIAL_MODELS = [
    home_models.HomePage,
    home_models.ContentPage,
    home_models.ProgrammePage,
    home_models.NewsIndexPage,
    home_models.NewsPage,
    home_models.PeopleIndexPage,
    home_models.Person,
    home_models.OrganisationSettings,
    home_models.NavigationSettings,
]


@pytest.mark.parametrize("model", EDITORIAL_MODELS, ids=lambda m: m.__name__)
def test_every_editor_field_has_help_text(model):
    inherited = {field.name for field in Page._meta.get_fields()}
    missing = [
        field.name
        for field in model._meta.get_fields()
        if getattr(field, "editable", False)
        and not field.auto_created
        and field.name not in inherited | {"page_ptr", "site", "id"}
        and not getattr(field, "help_text", "")
    ]
    assert missing == []


def test_editor_sees_the_accessibility_checks_panel(client, editor, home_page):
    page = make_content_page(home_page)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "Toggle checks" in response.content.decode()


def test_editor_can_add_a_person_and_alt_text_is_required_with_a_photo(client, editor):
    client.force_login(editor)
    image = make_image()
    url = "/admin/snippets/home/person/add/"
    data = {
        "name": "Sam Lee",
        "role": "Adviser",
        "kind": "adviser",
        "bio": "",
        "photo": image.pk,
        "photo_alt_text": "",
        "sort_order": 0,
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Describe the photo, or remove the photo." in response.content.decode()
    assert not home_models.Person.objects.filter(name="Sam Lee").exists()
    response = client.post(url, {**data, "photo_alt_text": "Sam at a desk"})
    assert response.status_code == 302
    assert home_models.Person.objects.filter(name="Sam Lee").exists()


def test_members_cannot_manage_people(client, member):
    client.force_login(member)
    response = client.get("/admin/snippets/home/person/")
    assert response.status_code in (302, 403)


def test_load_demo_builds_the_content_once(db):
    call_command("load_demo", verbosity=0)
    counts = (
        Page.objects.count(),
        Revision.objects.count(),
        home_models.Person.objects.count(),
        home_models.NewsPage.objects.live().count(),
    )
    call_command("load_demo", verbosity=0)
    assert (
        Page.objects.count(),
        Revision.objects.count(),
        home_models.Person.objects.count(),
        home_models.NewsPage.objects.live().count(),
    ) == counts
    assert counts[3] >= 4
    assert home_models.Person.objects.filter(is_demo=False).count() == 0
    for slug in (
        "voices-for-improvement",
        "what-is-co-production",
        "about-us",
        "privacy",
        "accessibility",
        "news",
    ):
        assert Page.objects.filter(slug=slug, depth=3, live=True).exists(), slug


def test_moderators_approval_workflow_covers_the_whole_site(db):
    call_command("load_demo", verbosity=0)
    workflow = Workflow.objects.get(name="Moderators approval", active=True)
    assert WorkflowPage.objects.filter(page__depth=1, workflow=workflow).exists()
    task = workflow.workflow_tasks.get().task.specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]
    news = home_models.NewsPage.objects.first()
    assert news.get_workflow() == workflow


def test_editors_can_manage_promoted_search_results(client, editor):
    client.force_login(editor)
    assert client.get("/admin/searchpicks/").status_code == 200
    assert client.get("/admin/searchpicks/add/").status_code == 200


def test_every_demo_page_opens_in_the_editor(client, db):
    from members.models import User

    call_command("load_demo", verbosity=0)
    client.force_login(User.objects.get(email="editor@example.org"))
    pages = Page.objects.filter(content_type__app_label="home", depth__gt=1).specific()
    kinds = set()
    for page in pages:
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page.url_path
        kinds.add(type(page).__name__)
    assert kinds == {
        "HomePage",
        "ProgrammePage",
        "ContentPage",
        "NewsIndexPage",
        "NewsPage",
        "PeopleIndexPage",
        "EasyReadPage",
    }
