"""General content pages and programme pages."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import (
    RICH_TEXT_FEATURES,
    BodyStreamBlock,
    LinkBlock,
    PartnerBlock,
    QuoteBlock,
    StepBlock,
)
from home.models.base import ListingFieldsMixin
from home.models.easy_read import EasyReadLinkMixin
from home.routing import QuickRouteMixin


class ContentPage(EasyReadLinkMixin, ListingFieldsMixin, QuickRouteMixin, Page):  # noqa: DJ008 - Page's __str__ (the title) applies
    """The general page: about us, what co-production is, privacy and accessibility."""

    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        help_text="The page's content. Start with a sentence, then use headings to split it up.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        EasyReadLinkMixin.easy_read_panel,
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("listing_image")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage", "home.ProgrammePage"]
    subpage_types = ["home.ContentPage", "home.PeopleIndexPage", "home.EasyReadPage"]

    class Meta:
        verbose_name = "content page"


class ProgrammePage(EasyReadLinkMixin, ListingFieldsMixin, QuickRouteMixin, Page):  # noqa: DJ008 - Page's __str__ (the title) applies
    """A programme such as Voices for Improvement: who it is for, how it works, and how to
    ask about it."""

    search_kind = "Programme"  # what search results call it

    who_it_is_for = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Who the programme is for, in plain words.",
    )
    steps = StreamField(
        [("step", StepBlock())],
        blank=True,
        verbose_name="how it works",
        help_text="The steps in order; they are numbered for you.",
    )
    testimonials = StreamField(
        [("quote", QuoteBlock())],
        blank=True,
        help_text="What participants say; ask their permission before naming anyone.",
    )
    partners = StreamField(
        [("partner", PartnerBlock())],
        blank=True,
        help_text="Organisations the programme works with.",
    )
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        help_text="Anything else, shown after how it works.",
    )
    cta_heading = models.CharField(
        "call to action heading",
        max_length=120,
        blank=True,
        help_text="For example 'Ask about coaching for your leaders'.",
    )
    cta_text = models.TextField(
        "call to action text",
        blank=True,
        max_length=400,
        help_text="A sentence saying what happens when people get in touch.",
    )
    cta_link = StreamField(
        [("link", LinkBlock())],
        blank=True,
        max_num=1,
        verbose_name="call to action link",
        help_text="Usually the enquiry page (/enquire/).",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("who_it_is_for"),
        FieldPanel("steps"),
        FieldPanel("testimonials"),
        FieldPanel("partners"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("cta_heading"), FieldPanel("cta_text"), FieldPanel("cta_link")],
            heading="Call to action",
        ),
        EasyReadLinkMixin.easy_read_panel,
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("listing_image")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("who_it_is_for"),
        index.SearchField("steps"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ContentPage", "home.EasyReadPage"]

    class Meta:
        verbose_name = "programme page"

    def clean(self):
        super().clean()
        if self.cta_heading and not len(self.cta_link):
            raise ValidationError(
                {"cta_link": "Add where the call to action goes, or clear its heading."}
            )
