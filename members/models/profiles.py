"""A member's profile: what they tell the programme about themselves, kept private by default."""

from django.conf import settings
from django.db import models

from members.choices import MemberType


class MemberProfile(models.Model):
    """One per member; the portal issue adds the private and preference fields."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    member_type = models.CharField(
        max_length=20,
        choices=MemberType.choices,
        default=MemberType.LIVED_EXPERIENCE_PARTNER,
    )
    region = models.ForeignKey(
        "home.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    interests = models.JSONField(
        default=list,
        blank=True,
        help_text="Codes from members.choices.Interest.",
    )

    class Meta:
        verbose_name = "member profile"

    def __str__(self):
        return f"Profile of {self.user}"
