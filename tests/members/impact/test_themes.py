"""Staff tag consented reflections with themes, and the report counts them; reflections
nobody agreed to quote are never shown for tagging."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from members.coaching.models import Reflection
from members.impact import figures
from members.impact.figures import Filters
from members.impact.models import Theme, ThemeTag
from members.learning.models import SetReflection
from tests.factories import UserFactory
from website.dataexport import erase_for

pytestmark = pytest.mark.django_db
THEMES = reverse("impact_admin:themes")


def test_staff_add_a_theme_and_tag_a_consented_reflection(client, staff, programme):
    client.force_login(staff)
    page = client.get(THEMES).content.decode()
    assert "I now plan with carers from the start." in page
    assert "A private thought" not in page
    response = client.post(THEMES, {"name": "  Planning   with carers "})
    assert response.status_code == 302
    theme = Theme.objects.get(name="Planning with carers")
    quoted = programme["quoted"]
    response = client.post(
        reverse("impact_admin:tag_reflection", args=["coaching", quoted.pk]),
        {"theme": [str(theme.pk), "nonsense", "999999"]},
    )
    assert response.status_code == 302
    assert ThemeTag.objects.get().theme == theme
    counts = {r["label"]: r["shown"].text for r in figures.report(Filters())["themes"]}
    assert counts == {"Planning with carers": "fewer than 5"}
    # Saving with nothing ticked removes the tag.
    client.post(
        reverse("impact_admin:tag_reflection", args=["coaching", quoted.pk]), {}
    )
    assert not ThemeTag.objects.exists()


@pytest.mark.parametrize(
    "name, message",
    [
        ("", "Enter a name for the theme"),
        ("x" * 81, "80 characters or fewer"),
        ("planning WITH carers", "There is already a theme with that name"),
    ],
)
def test_a_bad_theme_name_is_refused_clearly(client, staff, name, message):
    Theme.objects.create(name="Planning with carers")
    client.force_login(staff)
    response = client.post(THEMES, {"name": name})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_reflection_nobody_agreed_to_quote_cannot_be_tagged(client, staff, programme):
    from members.coaching.models import Reflection

    private = Reflection.objects.get(quote_consent=False)
    theme = Theme.objects.create(name="Confidence")
    client.force_login(staff)
    response = client.post(
        reverse("impact_admin:tag_reflection", args=["coaching", private.pk]),
        {"theme": [str(theme.pk)]},
    )
    assert response.status_code == 404
    assert not ThemeTag.objects.exists()


def test_people_without_the_permission_cannot_tag(client, editor, programme):
    client.force_login(editor)
    assert client.get(THEMES).status_code == 403
    url = reverse(
        "impact_admin:tag_reflection", args=["coaching", programme["quoted"].pk]
    )
    assert client.post(url, {}).status_code == 403


def test_erasing_a_person_takes_the_themes_read_in_their_words(programme):
    """The theme stays for others; the tags on the person's reflections, and on a
    reflection already removed, stop counting."""
    author = UserFactory()
    theirs = Reflection.objects.create(
        pairing=programme["quoted"].pairing,
        author=author,
        role="partner",
        what_changed="We now pay people for their time.",
        what_helped="Being asked.",
        would_recommend="yes",
        quote_consent=True,
    )
    theme = Theme.objects.create(name="Paying people")
    coaching = ContentType.objects.get_for_model(Reflection)
    kept = ThemeTag.objects.create(
        theme=theme, content_type=coaching, object_id=programme["quoted"].pk
    )
    ThemeTag.objects.create(theme=theme, content_type=coaching, object_id=theirs.pk)
    ThemeTag.objects.create(
        theme=theme,
        content_type=ContentType.objects.get_for_model(SetReflection),
        object_id=987654,  # a learning set reflection already erased
    )
    assert ThemeTag.objects.count() == 3
    erase_for(author)
    assert list(ThemeTag.objects.all()) == [kept]
    assert Theme.objects.filter(name="Paying people").exists()
