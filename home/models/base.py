"""What the editorial page types share: search-friendly titles, listing fields, image
renditions fetched with their listing. Each page type names its allowed parents, so an editor
can only add a page where it makes sense."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model

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
