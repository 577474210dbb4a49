"""Wagtail hooks for the content app: the people list as a snippet, and aliases that keep
their source section's privacy."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.utils.cache import add_never_cache_headers
from wagtail import hooks
from wagtail.models import Page
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


@hooks.register("before_serve_page")
def alias_keeps_its_source_sections_privacy(page, request, serve_args, serve_kwargs):
    """An alias is as private as the page it copies (security checklist AC-5).

    Wagtail checks the alias's own section and the source page's own restrictions, but not
    those of the source's section: an alias of a subpage of a private section, placed in a
    public part of the site, was served to anyone. Passwords are off (AC-5), so every
    restriction here is "sign in" or "sign in as one of these groups".
    """
    if not page.alias_of_id:
        return None
    # The source as a plain Page: Wagtail's own check, over the source and its ancestors.
    source = Page.objects.get(pk=page.alias_of_id)
    for restriction in Page.get_view_restrictions(source):
        if not restriction.accept_request(request):
            response = redirect_to_login(
                request.get_full_path(), settings.WAGTAIL_FRONTEND_LOGIN_URL
            )
            add_never_cache_headers(response)
            return response
    return None
