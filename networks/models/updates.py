"""Updates co-chairs write for their network, with moderation and a revision trail."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class UpdateVisibility(models.TextChoices):
    PUBLIC = "public", "Everyone (public)"
    MEMBERS = "members", "Network members only"


class UpdateStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    AWAITING_MODERATION = "awaiting", "Awaiting moderation"
    RETURNED = "returned", "Returned by staff"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class CoChairUpdateQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=UpdateStatus.PUBLISHED)

    def visible_to(self, is_member):
        qs = self.published()
        if not is_member:
            qs = qs.filter(visibility=UpdateVisibility.PUBLIC)
        return qs


class CoChairUpdate(models.Model):
    """News from a network's co-chairs; the body is sanitised HTML (see networks.sanitise)."""

    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="updates"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_updates",
        help_text="Empty once the author's account is erased: shown as 'Former member'.",
    )
    title = models.CharField(max_length=150)
    body = models.TextField(
        help_text="Sanitised HTML: paragraphs, lists, links, bold, italic."
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(max_length=250, blank=True)
    visibility = models.CharField(
        max_length=20, choices=UpdateVisibility.choices, default=UpdateVisibility.PUBLIC
    )
    status = models.CharField(
        max_length=20, choices=UpdateStatus.choices, default=UpdateStatus.DRAFT
    )
    moderation_note = models.TextField(
        blank=True, max_length=2000, help_text="Why staff returned the update."
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(
        null=True, blank=True, help_text="When immediate emails were queued."
    )

    objects = CoChairUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = "co-chair update"
        ordering = ["-published_at", "-created_at"]
        permissions = [("moderate_cochairupdate", "Can moderate co-chair updates")]
        indexes = [models.Index(fields=["network", "status", "-published_at"])]

    def __str__(self):
        return self.title

    @property
    def author_name(self):
        return self.author.display_name if self.author_id else "Former member"

    @property
    def is_public(self):
        return self.visibility == UpdateVisibility.PUBLIC


class CoChairUpdateRevision(models.Model):
    """A snapshot taken on every save, so staff can see how an update changed."""

    update = models.ForeignKey(
        CoChairUpdate, on_delete=models.CASCADE, related_name="revisions"
    )
    title = models.CharField(max_length=150)
    body = models.TextField()
    visibility = models.CharField(max_length=20, choices=UpdateVisibility.choices)
    status = models.CharField(max_length=20, choices=UpdateStatus.choices)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "co-chair update revision"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.title} ({self.created_at:%Y-%m-%d %H:%M})"
