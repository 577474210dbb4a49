"""Easy Read: short sentences in a large font, each beside a picture with alt text.

Any content, programme or opportunity page can point at its Easy Read version through
`EasyReadLinkMixin`; the page then shows a visible "Easy Read version" link near its top.
"""

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from home.routing import QuickRouteMixin


class EasyReadLinkMixin(models.Model):
    """An optional link to the page's Easy Read version (members' pages use it too)."""

    easy_read_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Easy Read version",
        help_text="Optional: an Easy Read page with the same information. A link to it is "
        "shown near the top of this page.",
    )

    easy_read_panel = FieldPanel("easy_read_page")

    class Meta:
        abstract = True


class EasyReadSentenceBlock(blocks.StructBlock):
    """One idea: a short sentence and the picture that goes with it."""

    image = ImageChooserBlock(
        help_text="A clear picture that shows the sentence's idea."
    )
    alt_text = blocks.CharBlock(
        max_length=200,
        help_text="Describe the picture for people who cannot see it.",
    )
    text = blocks.TextBlock(
        max_length=300,
        help_text="One short sentence, or two at most. Use everyday words.",
    )

    class Meta:
        icon = "image"
        template = "blocks/easy_read_sentence.html"


class EasyReadPage(QuickRouteMixin, Page):  # noqa: DJ008 - Page's __str__ (the title) applies
    """An Easy Read version of another page."""

    search_kind = "Easy Read"  # what search results call it

    sentences = StreamField(
        [("sentence", EasyReadSentenceBlock())],
        help_text="Short sentences in order, each with a picture.",
    )
    original_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="standard version",
        help_text="Optional: the page this is the Easy Read version of, linked at the end.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("sentences"),
        FieldPanel("original_page"),
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage", "home.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = "Easy Read page"
