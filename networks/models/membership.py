"""Who leads a network and who belongs to it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class NetworkCoChair(models.Model):
    """A member's term as co-chair of one network; rows are kept after the term as history."""

    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="cochairs"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="cochair_terms",
        help_text="The member who co-chairs. They act from the portal, never the admin.",
    )
    role_title = models.CharField(
        max_length=100,
        help_text="For example 'Lived experience co-chair' or 'Director co-chair'.",
    )
    organisation = models.CharField(max_length=200, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Public photo; only with the person's agreement.",
    )
    photo_alt = models.CharField(
        max_length=250,
        blank=True,
        help_text="Describe the photo for people who cannot see it.",
    )
    term_start = models.DateField(default=timezone.localdate)
    term_end = models.DateField(
        null=True,
        blank=True,
        help_text="Co-chair rights end automatically after this date.",
    )
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text="Co-chairs are shown side by side in this order."
    )

    class Meta:
        verbose_name = "co-chair"
        ordering = ["network", "sort_order", "term_start"]
        indexes = [models.Index(fields=["user", "network", "term_start", "term_end"])]

    def __str__(self):
        return f"{self.user} – {self.role_title}, {self.network}"

    def clean(self):
        if self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": "The term must end after it starts."})
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError(
                {"photo_alt": "Describe the photo for screen readers."}
            )

    def is_current(self, today=None):
        today = today or timezone.localdate()
        return self.term_start <= today and (
            self.term_end is None or self.term_end >= today
        )


class ProfileVisibility(models.TextChoices):
    NAME = "name", "My name only"
    NAME_REGION_BIO = "name_region_bio", "My name, region and short bio"


class UpdateEmails(models.TextChoices):
    NONE = "none", "No emails"
    IMMEDIATE = "immediate", "An email for each update"
    WEEKLY = "weekly", "A weekly summary"


class NetworkMembership(models.Model):
    """A member belonging to a network, with what they let other members see about them."""

    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_memberships",
    )
    visibility = models.CharField(
        max_length=20,
        choices=ProfileVisibility.choices,
        default=ProfileVisibility.NAME,
        help_text="What other members and the co-chairs see about you.",
    )
    short_bio = models.CharField(
        max_length=280,
        blank=True,
        help_text="Up to 280 characters, shown only if you choose to share it.",
    )
    update_emails = models.CharField(
        max_length=20, choices=UpdateEmails.choices, default=UpdateEmails.WEEKLY
    )
    joined_at = models.DateTimeField(default=timezone.now)
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "network membership"
        ordering = ["network", "joined_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "user"], name="network_membership_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} in {self.network}"


class JoinRequestStatus(models.TextChoices):
    PENDING = "pending", "Waiting for a co-chair"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


class JoinRequest(models.Model):
    """A member asking to join a network that admits by request; a co-chair decides."""

    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="join_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_join_requests",
    )
    message = models.TextField(blank=True, max_length=1000)
    status = models.CharField(
        max_length=20,
        choices=JoinRequestStatus.choices,
        default=JoinRequestStatus.PENDING,
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "join request"
        ordering = ["-created_at"]
        constraints = [
            # A double click or a second tab must not queue two requests.
            models.UniqueConstraint(
                fields=["network", "user"],
                condition=models.Q(status="pending"),
                name="join_request_one_pending",
            )
        ]

    def __str__(self):
        return f"{self.user} asks to join {self.network}"
