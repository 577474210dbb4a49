"""The home page. `HomePage.subpage_types` stays open because other apps (enquiries,
opportunities, networks) put their own index pages directly under the home page."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.template.loader import render_to_string
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from home.blocks import LinkBlock
from home.models.base import CARD_IMAGE, SeoFieldsMixin, images_with_renditions
from home.models.news import NewsPage
from home.routing import QuickRouteMixin, public_pages
from website import fragments


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
        """How home/routing.py loads the page. The featured programme is only read to build
        the highlights: when those are kept, joining its wide row on every request would
        cost more than the one query a rebuild needs; when nothing is kept, it comes with
        the page."""
        if fragments.seconds() > 0:
            return cls.objects.all()
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
        # The same for every visitor: rendered once, then kept (website/fragments.py).
        # A hit needs neither the hero image nor the pages its buttons link to.
        context["hero"] = fragments.rendered(
            request,
            f"home:hero:{self.pk}",
            "home/includes/home_hero.html",
            lambda: {"page": self},
        )
        context["highlights"] = fragments.cached(
            request, f"home:highlights:{self.pk}", lambda: self._highlights(request)
        )
        context["slots"] = slots_for(request, self)
        return context

    def _highlights(self, request):
        """The featured programme and the three latest news articles, as HTML."""
        programme = self.featured_programme
        return render_to_string(
            "home/includes/home_highlights.html",
            {
                "featured_programme": programme
                if programme and programme.live
                else None,
                "latest_news": list(
                    public_pages(NewsPage.objects.live())
                    .order_by("-date", "-pk")
                    .prefetch_related(
                        Prefetch(
                            "listing_image",
                            queryset=images_with_renditions(CARD_IMAGE),
                        )
                    )[:3]
                ),
            },
            request=request,
        )
