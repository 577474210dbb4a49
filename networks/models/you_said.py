"""The network's "you said, we did" log: what members raised, what was decided, and what
changed, kept by the co-chairs and shown on the network page. It is how members see that
speaking up made a difference, so every item is public once written; a member is named
only with their agreement, and is never named again once they leave or are erased."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class YouSaidWeDid(models.Model):
    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="you_said"
    )
    you_said = models.TextField(
        "you said",
        max_length=1000,
        help_text="What members raised, in their words where you can. Plain text.",
    )
    raised_on = models.DateField("raised on", default=timezone.localdate)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The member agreed to be named beside what they raised (their name is shown only
    # while this is true and they are still a member of the network).
    named_with_consent = models.BooleanField(default=False)
    decided = models.TextField(
        "what was decided", max_length=1000, blank=True, help_text="Plain text."
    )
    we_did = models.TextField(
        "we did",
        max_length=1000,
        blank=True,
        help_text="What changed because of it. Leave empty until something has.",
    )
    changed_on = models.DateField("changed on", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "you said, we did item"
        ordering = ["-raised_on", "-pk"]
        indexes = [models.Index(fields=["network", "-raised_on"])]

    def __str__(self):
        return self.you_said[:60]

    @property
    def is_done(self):
        return bool(self.we_did)
