"""Members' expressions of interest in opportunities and their alert sign-ups.

Plain records, not pages (the pages are in pages.py), so unpublishing or moving a page never
touches what a member sent. An interest's history is in website.Activity (workflow.py).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from members.opportunities.choices import AlertFrequency, InterestStatus


class ExpressionOfInterest(models.Model):
    """A member's request to take part in one opportunity, reviewed by programme staff."""

    opportunity = models.ForeignKey(
        "members.OpportunityPage", on_delete=models.PROTECT, related_name="interests"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="opportunity_interests",
    )
    status = models.CharField(
        max_length=20, choices=InterestStatus.choices, default=InterestStatus.SUBMITTED
    )
    why_interested = models.TextField("why I'm interested", max_length=2000)
    experience = models.TextField("relevant experience", max_length=2000, blank=True)
    availability = models.TextField(max_length=1000)
    access_needs = models.TextField(
        "access needs for this opportunity",
        max_length=2000,
        blank=True,
        help_text="Special-category data: shown only to staff with the access needs permission.",
    )
    internal_notes = models.TextField(
        blank=True,
        max_length=5000,
        help_text="Only programme staff see these notes; the member never does.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "expression of interest"
        verbose_name_plural = "expressions of interest"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "member"], name="one_interest_per_member"
            ),
        ]
        permissions = [
            ("export_expressionofinterest", "Can export expressions of interest"),
            (
                "view_interest_access_needs",
                "Can see access needs on expressions of interest (special category)",
            ),
        ]

    def __str__(self):
        return f"{self.member} – {self.opportunity.title}"


class OpportunityAlert(models.Model):
    """A member's choice to hear about newly published opportunities of some types and regions."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="opportunity_alert",
    )
    frequency = models.CharField(
        max_length=20, choices=AlertFrequency.choices, default=AlertFrequency.OFF
    )
    types = models.JSONField(
        default=list, blank=True, help_text="Opportunity type codes; empty means all."
    )
    regions = models.ManyToManyField("home.Region", blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "opportunity alert"

    def __str__(self):
        return f"Alerts for {self.member}"


class OpportunityAlertSent(models.Model):
    """Records that a member was told about an opportunity, so no alert is ever sent twice."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    opportunity = models.ForeignKey(
        "members.OpportunityPage", on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["member", "opportunity"], name="one_alert_per_opportunity"
            ),
        ]

    def __str__(self):
        return f"Alert to {self.member_id} about {self.opportunity_id}"
