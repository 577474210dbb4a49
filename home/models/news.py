"""News: the index (paginated, by tag, with a feed) and the articles."""

import datetime
from urllib.parse import urlencode

from django.db import models
from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyStreamBlock
from home.models.base import (
    CARD_IMAGE,
    NEWS_PER_PAGE,
    ListingFieldsMixin,
    SeoFieldsMixin,
    images_with_renditions,
)
from home.pagination import get_page
from home.routing import QuickRouteMixin, public_pages_for_long_listing
from website import fragments


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsIndexPage(SeoFieldsMixin, RoutablePageMixin, QuickRouteMixin, Page):  # noqa: DJ008 - Page's __str__ (the title) applies
    """The news listing, ten to a page, filterable by tag, with a feed at `feed/`."""

    search_kind = "News"  # what search results call it

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
        """The listing is the same for everyone with the same tag and page: rendered once
        and kept (website/fragments.py) until anything public changes."""
        context = super().get_context(request, *args, **kwargs)
        context["listing_html"] = fragments.rendered(
            request,
            f"news:{self.pk}",
            "home/includes/news_listing.html",
            lambda: {**self.listing(request), "page": self},
            vary=fragments.with_query(request),
        )
        return context

    def listing(self, request):
        """The articles for the request's tag and page, loaded before any template renders;
        an unknown tag is a 404."""
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
        # Loaded here, once, so the template runs no query of its own.
        page_obj.object_list = list(page_obj.object_list)
        if tag_slug:
            if not page_obj.object_list:
                raise Http404("No news with that tag")
            tag = {"slug": tag_slug, "name": page_obj.object_list[0].tag_name}
        return {
            "page_obj": page_obj,
            "articles": page_obj.object_list,
            "tag": tag,
            "pagination_query": urlencode({"tag": tag_slug}) if tag else "",
        }

    @path("feed/", name="feed")
    def feed(self, request):
        from home.feeds import NewsFeed

        return NewsFeed(self)(request)

    @path("feed", name="feed_no_slash")
    def feed_without_slash(self, request):
        return redirect(self.url + "feed/")


class NewsPage(ListingFieldsMixin, QuickRouteMixin, Page):  # noqa: DJ008 - Page's __str__ (the title) applies
    """A news article, credited to people from the people list."""

    search_kind = "News"  # what search results call it

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
        # The same for every reader until the article is published again: kept for each
        # article (website/fragments.py). One parent serves the breadcrumbs and tag links.
        authors, tags, index = fragments.cached(
            request,
            "news:article-meta",
            lambda: (
                list(self.authors.all()),
                list(self.tags.all()),
                self.get_parent(),
            ),
            vary=str(self.pk),
        )
        context.update(author_list=authors, tag_list=tags, news_index=index)
        return context

    @property
    def published_at(self):
        return timezone.make_aware(
            datetime.datetime.combine(self.date, datetime.time(9, 0))
        )
