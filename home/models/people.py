"""The people page: everyone in the people list, grouped by kind."""

from django.db import models
from django.db.models import Prefetch
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from home.models.base import PERSON_IMAGE, SeoFieldsMixin, images_with_renditions
from home.models.snippets import Person, PersonKind
from home.routing import QuickRouteMixin


class PeopleIndexPage(SeoFieldsMixin, QuickRouteMixin, Page):  # noqa: DJ008 - Page's __str__ (the title) applies
    """Everyone in the people list, grouped: staff, Lived Experience Partners, advisers."""

    search_kind = "People"  # what search results call it

    intro = models.TextField(
        blank=True, max_length=500, help_text="A sentence under the heading."
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "people page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        people = Person.objects.prefetch_related(
            Prefetch("photo", queryset=images_with_renditions(PERSON_IMAGE))
        )
        groups = {kind: [] for kind in PersonKind.values}
        for person in people:
            groups.setdefault(person.kind, []).append(person)
        context["people_groups"] = [
            (PersonKind(kind).label, members)
            for kind, members in groups.items()
            if members
        ]
        return context
