"""Editorial page types: home, programme, general content, news and people.

Each page type names its allowed parents, so an editor can only add a page where it makes
sense. `HomePage.subpage_types` stays open because other apps (enquiries, opportunities,
networks) put their own index pages directly under the home page.
"""

import datetime
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
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
from home.models.easy_read import EasyReadLinkMixin
from home.pagination import get_page
from home.routing import (
    QuickRouteMixin,
    public_pages,
    public_pages_for_long_listing,
)

SEO_TITLE_MAX = 65
NEWS_PER_PAGE = 10
CARD_IMAGE = "fill-480x270"
PERSON_IMAGE = "fill-200x200"


def images_with_renditions(*specs):
    """An image queryset that brings its renditions along, so listings stay one query."""
    return get_image_model().objects.prefetch_renditions(*specs)


class SeoFieldsMixin(models.Model):
    """Checks shared by every editorial page: a search-friendly title length."""

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.seo_title and len(self.seo_title) > SEO_TITLE_MAX:
            raise ValidationError(
                {
                    "seo_title": f"Keep the title for search engines to {SEO_TITLE_MAX} "
                    f"characters or fewer; it has {len(self.seo_title)}."
                }
            )

    @property
    def meta_description(self):
        return (
            self.search_description
            or getattr(self, "summary", "")
            or getattr(self, "intro", "")
        )

    @property
    def share_image(self):
        return getattr(self, "listing_image", None)


class ListingFieldsMixin(SeoFieldsMixin):
    """A summary and an image used where the page is listed and when it is shared."""

    summary = models.TextField(
        blank=True,
        max_length=300,
        help_text="One or two sentences shown in listings and search results.",
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in listings and when the page is shared. Set a focal point on "
        "the image so crops keep what matters.",
    )

    class Meta:
        abstract = True

    listing_panels = [FieldPanel("summary"), FieldPanel("listing_image")]


class HomePage(SeoFieldsMixin, QuickRouteMixin, Page):  # noqa: DJ008 - Page's __str__ (the title) applies
    """The site's front page; one per site, directly under the root."""

    hero_heading = models.CharField(
        max_length=120,
        blank=True,
        help_text="The main heading. Leave empty to use the page title.",
    )
    hero_text = models.TextField(
        blank=True, max_length=300, help_text="A sentence under the main heading."
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional picture beside the main heading.",
    )
    hero_image_alt = models.CharField(
        max_length=250,
        blank=True,
        help_text="Describe the picture for people who cannot see it.",
    )
    hero_image_decorative = models.BooleanField(
        default=False,
        help_text="Tick if the picture adds nothing to the words; then no description is needed.",
    )
    hero_actions = StreamField(
        [("link", LinkBlock())],
        blank=True,
        max_num=2,
        verbose_name="calls to action",
        help_text="Up to two buttons under the main heading; the first is the main one.",
    )
    intro = models.TextField(
        blank=True,
        max_length=500,
        help_text="One or two sentences under the main heading, saying what the programme does.",
    )
    featured_programme = models.ForeignKey(
        "home.ProgrammePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The programme to feature on the home page.",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_decorative"),
                FieldPanel("hero_actions"),
            ],
            heading="Hero",
        ),
        FieldPanel("intro"),
        FieldPanel("featured_programme"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    @classmethod
    def served_queryset(cls):
        """The featured programme card comes with the page (home/routing.py)."""
        return cls.objects.select_related("featured_programme")

    def clean(self):
        super().clean()
        if (
            self.hero_image_id
            and not self.hero_image_decorative
            and not self.hero_image_alt.strip()
        ):
            raise ValidationError(
                {
                    "hero_image_alt": "Describe the picture, or tick that it is decorative."
                }
            )

    @property
    def share_image(self):
        return self.hero_image

    def get_context(self, request, *args, **kwargs):
        from home.slots import slots_for

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = list(
            public_pages(NewsPage.objects.live())
            .order_by("-date", "-pk")
            .prefetch_related(
                Prefetch("listing_image", queryset=images_with_renditions(CARD_IMAGE))
            )[:3]
        )
        programme = self.featured_programme
        context["featured_programme"] = (
            programme if programme and programme.live else None
        )
        context["slots"] = slots_for(request, self)
        return context


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


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsIndexPage(SeoFieldsMixin, RoutablePageMixin, QuickRouteMixin, Page):  # noqa: DJ008 - Page's __str__ (the title) applies
    """The news listing, ten to a page, filterable by tag, with a feed at `feed/`."""

    intro = models.TextField(
        blank=True, max_length=500, help_text="A sentence under the heading."
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    child_page_model = "home.NewsPage"
    max_count_per_parent = 1

    class Meta:
        verbose_name = "news index page"

    def articles(self):
        return (
            public_pages_for_long_listing(NewsPage.objects.live())
            .descendant_of(self)
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.articles()
        tag = None
        tag_slug = request.GET.get("tag", "")[:100]
        if tag_slug:
            # The tag's name rides along with the articles: no separate tag query.
            articles = articles.filter(tagged_items__tag__slug=tag_slug).annotate(
                tag_name=F("tagged_items__tag__name")
            )
        articles = articles.prefetch_related(
            Prefetch("listing_image", queryset=images_with_renditions(CARD_IMAGE)),
        )
        page_obj = get_page(articles, NEWS_PER_PAGE, request.GET.get("page"))
        if tag_slug:
            if not page_obj.object_list:
                raise Http404("No news with that tag")
            tag = {"slug": tag_slug, "name": page_obj.object_list[0].tag_name}
        context.update(
            page_obj=page_obj,
            articles=page_obj.object_list,
            tag=tag,
            pagination_query=urlencode({"tag": tag_slug}) if tag else "",
        )
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        from home.feeds import NewsFeed

        return NewsFeed(self)(request)

    @path("feed", name="feed_no_slash")
    def feed_without_slash(self, request):
        return redirect(self.url + "feed/")


class NewsPage(ListingFieldsMixin, QuickRouteMixin, Page):  # noqa: DJ008 - Page's __str__ (the title) applies
    """A news article, credited to people from the people list."""

    date = models.DateField(
        "published date",
        default=datetime.date.today,
        help_text="Shown on the article and used to order the news.",
    )
    authors = ParentalManyToManyField(
        "home.Person",
        blank=True,
        related_name="news_articles",
        help_text="Who wrote it, from the people list.",
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        help_text="A few topic words; people can list the news by each.",
    )
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        help_text="The article. Put the most important news in the first paragraph.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("authors"),
        FieldPanel("summary"),
        FieldPanel("listing_image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "news article"
        # The news index and the home page sort by date (issue 11: indexed sort columns).
        indexes = [models.Index(fields=["date"], name="home_newspage_date_idx")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["author_list"] = list(self.authors.all())
        context["tag_list"] = list(self.tags.all())
        # One query serves both the breadcrumbs and the tag links.
        context["news_index"] = self.get_parent()
        return context

    @property
    def published_at(self):
        return timezone.make_aware(
            datetime.datetime.combine(self.date, datetime.time(9, 0))
        )


class PeopleIndexPage(SeoFieldsMixin, QuickRouteMixin, Page):  # noqa: DJ008 - Page's __str__ (the title) applies
    """Everyone in the people list, grouped: staff, Lived Experience Partners, advisers."""

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
        from home.models.snippets import Person, PersonKind

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
