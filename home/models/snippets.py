"""Snippets editors reuse across pages."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


@register_snippet
class Region(models.Model):
    """An English region (or National / Online): used by enquiries, opportunities and networks."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers are listed first."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class PersonKind(models.TextChoices):
    STAFF = "staff", "Staff"
    PARTNER = "partner", "Lived Experience Partner"
    ADVISER = "adviser", "Adviser"


class Person(models.Model):
    """Someone shown on the people page and credited as a news author; editors keep the
    list in one place so a change of role shows everywhere."""

    name = models.CharField(
        max_length=120,
        help_text="As the person likes it written, e.g. Dr Nadia Rahman.",
    )
    role = models.CharField(
        max_length=160, blank=True, help_text="For example Co-production Manager."
    )
    kind = models.CharField(
        max_length=20,
        choices=PersonKind.choices,
        default=PersonKind.STAFF,
        help_text="People are grouped by this on the people page.",
    )
    bio = models.TextField(
        blank=True,
        max_length=600,
        help_text="Two or three sentences, in plain English.",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. Use a photo the person has agreed to share.",
    )
    photo_alt_text = models.CharField(
        max_length=250,
        blank=True,
        help_text="Describe the photo for people who cannot see it. Required with a photo.",
    )
    is_demo = models.BooleanField(
        default=False,
        help_text="Invented for the demo site; shown with a 'demo' label.",
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers are listed first within each group."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("kind"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("photo_alt_text"),
        FieldPanel("sort_order"),
        FieldPanel("is_demo"),
    ]

    class Meta:
        ordering = ["kind", "sort_order", "name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt_text.strip():
            raise ValidationError(
                {"photo_alt_text": "Describe the photo, or remove the photo."}
            )
