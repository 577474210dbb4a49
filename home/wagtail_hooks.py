"""Editor tools for the content app: the people list as a snippet with search and filters."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Person


class PersonViewSet(SnippetViewSet):
    """People shown on the people page and credited on news articles."""

    model = Person
    icon = "user"
    menu_label = "People"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "role", "kind", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["name", "role"]
    ordering = ["kind", "sort_order", "name"]


register_snippet(PersonViewSet)
