"""Co-chairs' notes on enquiries routed to their network.

The enquiry itself lives in `members` (the enquiries feature). The note refers to it by id
rather than a foreign key so this app does not depend on that model's migrations; notes
are removed with the network and shown only to that network's co-chairs and staff.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class NetworkEnquiryNote(models.Model):
    """A co-chair's note on an enquiry addressed to their network."""

    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="enquiry_notes"
    )
    enquiry_id = models.PositiveBigIntegerField(db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "enquiry note"
        ordering = ["created_at"]

    def __str__(self):
        return f"Note on enquiry {self.enquiry_id}"

    @property
    def author_name(self):
        return self.author.display_name if self.author_id else "Former member"
