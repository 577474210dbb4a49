"""Editorial page types."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    """The site's front page; one per site, directly under the root."""

    intro = models.TextField(
        blank=True,
        max_length=500,
        help_text="One or two sentences under the main heading, saying what the programme does.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "home page"
