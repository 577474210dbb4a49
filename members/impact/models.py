"""Equality monitoring answers and the themes staff tag on reflections.

Equality answers are kept apart from the profile, asked once with a reason, every
question skippable or "prefer not to say", and reported only in aggregate with any group
under five people shown as "fewer than 5".
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

PREFER_NOT = ("prefer_not", "Prefer not to say")


class AgeBand(models.TextChoices):
    UNDER_25 = "under_25", "Under 25"
    FROM_25 = "25_34", "25 to 34"
    FROM_35 = "35_44", "35 to 44"
    FROM_45 = "45_54", "45 to 54"
    FROM_55 = "55_64", "55 to 64"
    FROM_65 = "65_74", "65 to 74"
    FROM_75 = "75_plus", "75 or over"
    PREFER_NOT = PREFER_NOT


class Ethnicity(models.TextChoices):
    ASIAN = "asian", "Asian or Asian British"
    BLACK = "black", "Black, Black British, Caribbean or African"
    MIXED = "mixed", "Mixed or multiple ethnic groups"
    WHITE = "white", "White"
    OTHER = "other", "Another ethnic group"
    PREFER_NOT = PREFER_NOT


class YesNo(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    PREFER_NOT = PREFER_NOT


class EqualityAnswers(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="equality_answers",
    )
    age_band = models.CharField(max_length=20, choices=AgeBand.choices, blank=True)
    ethnicity = models.CharField(max_length=20, choices=Ethnicity.choices, blank=True)
    disability = models.CharField(
        "disabled or long-term condition",
        max_length=20,
        choices=YesNo.choices,
        blank=True,
    )
    carer = models.CharField(
        "unpaid carer", max_length=20, choices=YesNo.choices, blank=True
    )
    # Asked once: answering, or choosing not to answer, both count as answered.
    answered_at = models.DateTimeField(default=timezone.now)
    declined = models.BooleanField(default=False)

    class Meta:
        verbose_name_plural = "equality answers"

    def __str__(self):
        return f"Equality answers {self.pk}"


class Theme(models.Model):
    name = models.CharField(max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        permissions = [
            ("view_impact_report", "Can see the impact report and download it"),
        ]

    def __str__(self):
        return self.name


class ThemeTag(models.Model):
    """A theme staff saw in one reflection (a pairing's or a learning set's)."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="tags")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    tagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tagged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "content_type", "object_id"], name="one_tag_per_theme"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.theme} on {self.content_type_id}:{self.object_id}"
