"""Opportunities members can take part in, their expressions of interest and alert sign-ups.

Involvement terms are structured fields (not free text) so every opportunity states time,
payment, expenses and support the same way in its "What's involved" box.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, Panel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.signals import page_published

from home.models.easy_read import EasyReadLinkMixin
from home.routing import QuickRouteMixin
from members.accounts.choices import Interest

MEMBERS_GROUP = "Members"


class OpportunityType(models.TextChoices):
    COACHING_MENTORING = "coaching", "Coaching and mentoring"
    COPRODUCTION = "coproduction", "Co-production project"
    ADVISORY = "advisory", "Advisory group or panel"
    RESEARCH = "research", "Research involvement"
    EVENT = "event", "Event or workshop"
    PAID_ROLE = "paid_role", "Paid role"


# Which member interests (members.accounts.choices.Interest) each opportunity type matches.
TYPE_INTERESTS = {
    OpportunityType.COACHING_MENTORING: {Interest.COACHING_MENTORING},
    OpportunityType.COPRODUCTION: {Interest.COPRODUCTION},
    OpportunityType.ADVISORY: {Interest.COPRODUCTION, Interest.NETWORKS},
    OpportunityType.RESEARCH: {Interest.RESEARCH},
    OpportunityType.EVENT: {Interest.EVENTS},
    OpportunityType.PAID_ROLE: {Interest.COACHING_MENTORING, Interest.COPRODUCTION},
}


def types_for_interests(interest_codes):
    """Opportunity types a member with these interests would want to see."""
    codes = set(interest_codes or [])
    return [t.value for t, wanted in TYPE_INTERESTS.items() if wanted & codes]


class Format(models.TextChoices):
    ONLINE = "online", "Online"
    IN_PERSON = "in_person", "In person"
    HYBRID = "hybrid", "Hybrid (online or in person)"


class Audience(models.TextChoices):
    EVERYONE = "everyone", "Everyone"
    MEMBERS = "members", "Members only"


class PaymentUnit(models.TextChoices):
    VOLUNTARY = "voluntary", "Voluntary (unpaid)"
    HOUR = "hour", "per hour"
    SESSION = "session", "per session"
    DAY = "day", "per day"
    TOTAL = "total", "in total"


class OpportunityBodyBlock(blocks.StreamBlock):
    """What an opportunity page's body may hold: headings and short rich text."""

    heading = blocks.CharBlock(
        max_length=120, icon="title", label="Heading", form_classname="title"
    )
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
        label="Paragraph",
    )

    class Meta:
        icon = "doc-full"
        label = "Body"


class OpportunityIndexPage(QuickRouteMixin, Page):
    """The /opportunities/ listing: open opportunities first, filters, feeds, recently closed."""

    intro = models.TextField(
        blank=True,
        max_length=500,
        help_text="One or two sentences under the heading saying who these opportunities are for.",
    )
    payment_guidance_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The programme's guidance on payment and welfare benefits, linked from every opportunity.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("payment_guidance_page"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["members.OpportunityPage"]
    child_page_model = "members.OpportunityPage"
    max_count = 1
    template = "members/opportunities/index_page.html"

    class Meta:
        verbose_name = "opportunity listing"

    @property
    def meta_description(self):
        """Search engines and link previews describe the listing with its introduction."""
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        from members.opportunities.services import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(request, self))
        return context


class InterestCountsPanel(Panel):
    """Read-only figures on an opportunity's edit page: interests, shortlisted, accepted."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "members/opportunities/admin/counts_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            from django.db.models import Count, Q
            from django.urls import reverse

            context = super().get_context_data(parent_context)
            status = InterestStatus
            counts = ExpressionOfInterest.objects.filter(
                opportunity_id=self.instance.pk
            ).aggregate(
                total=Count("pk"),
                shortlisted=Count("pk", filter=Q(status=status.SHORTLISTED)),
                accepted=Count("pk", filter=Q(status=status.ACCEPTED)),
                waiting=Count("pk", filter=Q(status=status.WAITING_LIST)),
            )
            counts["places_left"] = max(
                (self.instance.places or 0) - counts["accepted"], 0
            )
            context["counts"] = counts
            user = self.request.user if self.request else None
            if user and user.has_perm("members.view_expressionofinterest"):
                context["list_url"] = (
                    reverse("members_expressionofinterest_modeladmin_index")
                    + f"?opportunity={self.instance.pk}"
                )
            return context


class OpportunityPage(EasyReadLinkMixin, QuickRouteMixin, Page):
    """One opportunity: what it is, the plain terms of involvement, and how to express interest."""

    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences shown on listing cards and in alert emails.",
    )
    body = StreamField(
        OpportunityBodyBlock(),
        blank=True,
        help_text="What the opportunity is about and what taking part looks like.",
    )
    opportunity_type = models.CharField(
        "type",
        max_length=20,
        choices=OpportunityType.choices,
        help_text="Used for filters and to match members' interests.",
    )
    organisation = models.CharField(
        "offering organisation",
        max_length=200,
        help_text="Who is offering the opportunity, for example an NHS trust or a charity.",
    )
    regions = ParentalManyToManyField(
        "home.Region",
        related_name="+",
        help_text="Where it is open to people from. Choose National or Online if not regional.",
    )
    network_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="network",
        help_text="Optional: the regional network this opportunity belongs to.",
    )
    format = models.CharField(
        "how it happens",
        max_length=20,
        choices=Format.choices,
        help_text="Online, in person or both.",
    )
    location = models.CharField(
        "where",
        max_length=200,
        blank=True,
        help_text="Venue and town, or the video service used, for example “Zoom” or “Birmingham Council House”.",
    )
    starts_on = models.DateField(
        "start date",
        null=True,
        blank=True,
        help_text="When the involvement starts, if known.",
    )
    closes_at = models.DateTimeField(
        "closing date and time",
        help_text="Expressions of interest close at this time (UK time).",
    )
    places = models.IntegerField(
        "number of places",
        default=1,
        help_text="How many people can take part. When this many have accepted, new interest joins a waiting list.",
    )
    audience = models.CharField(
        max_length=20,
        choices=Audience.choices,
        default=Audience.EVERYONE,
        help_text="Members only hides the opportunity from visitors, search engines and site search.",
    )

    # Involvement terms, shown in the "What's involved" box.
    time_commitment = models.CharField(
        max_length=200,
        help_text="Time each session or week, for example “2 hours a month”.",
    )
    frequency = models.CharField(
        max_length=200,
        blank=True,
        help_text="How often, for example “one meeting every six weeks”.",
    )
    duration = models.CharField(
        max_length=200,
        help_text="How long the involvement lasts overall, for example “12 months”.",
    )
    payment_amount = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Amount in pounds. Leave empty if the role is voluntary.",
    )
    payment_unit = models.CharField(
        max_length=20,
        choices=PaymentUnit.choices,
        default=PaymentUnit.VOLUNTARY,
        help_text="What the amount is for, or “Voluntary” if there is no payment.",
    )
    expenses_travel = models.BooleanField("travel", default=False)
    expenses_care = models.BooleanField("replacement care", default=False)
    expenses_support_worker = models.BooleanField("support worker", default=False)
    expenses_internet = models.BooleanField("internet or phone data", default=False)
    expenses_other = models.CharField(
        "other expenses",
        max_length=200,
        blank=True,
        help_text="Any other costs covered.",
    )
    support_training = models.BooleanField("training provided", default=False)
    support_pre_meetings = models.BooleanField("pre-meetings", default=False)
    contact_name = models.CharField(
        "named contact",
        max_length=200,
        blank=True,
        help_text="The person who supports participants, for example “Priya, involvement lead”.",
    )
    accessibility = models.TextField(
        "accessibility",
        max_length=1000,
        blank=True,
        help_text="Step-free access, hearing loop, captions, quiet room, breaks, papers in advance.",
    )

    content_panels = [
        *Page.content_panels,
        InterestCountsPanel(heading="Expressions of interest"),
        FieldPanel("summary"),
        EasyReadLinkMixin.easy_read_panel,
        MultiFieldPanel(
            [
                FieldPanel("opportunity_type"),
                FieldPanel("organisation"),
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("network_page"),
                FieldRowPanel([FieldPanel("format"), FieldPanel("location")]),
                FieldRowPanel(
                    [
                        FieldPanel("starts_on"),
                        FieldPanel("closes_at"),
                        FieldPanel("places"),
                    ]
                ),
                FieldPanel("audience"),
            ],
            heading="About the opportunity",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("time_commitment"),
                        FieldPanel("frequency"),
                        FieldPanel("duration"),
                    ]
                ),
                FieldRowPanel(
                    [FieldPanel("payment_amount"), FieldPanel("payment_unit")]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("expenses_travel"),
                        FieldPanel("expenses_care"),
                        FieldPanel("expenses_support_worker"),
                        FieldPanel("expenses_internet"),
                    ],
                    heading="Expenses covered",
                ),
                FieldPanel("expenses_other"),
                FieldRowPanel(
                    [
                        FieldPanel("support_training"),
                        FieldPanel("support_pre_meetings"),
                    ],
                    heading="Support offered",
                ),
                FieldPanel("contact_name"),
                FieldPanel("accessibility"),
            ],
            heading="What's involved",
        ),
        FieldPanel("body"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("organisation"),
        index.FilterField("audience"),
        index.FilterField("opportunity_type"),
    ]

    parent_page_types = ["members.OpportunityIndexPage"]
    subpage_types = []
    template = "members/opportunities/opportunity_page.html"

    # Set on an instance to build a historical (already closed) opportunity, e.g. demo data.
    allow_past_closing = False

    class Meta:
        verbose_name = "opportunity"
        verbose_name_plural = "opportunities"
        # The listing and "closing soon" filter and sort on the closing time.
        indexes = [models.Index(fields=["closes_at"], name="members_opp_closes_at_idx")]

    def clean(self):
        super().clean()
        errors = {}
        if self.places is not None and self.places < 0:
            errors["places"] = "The number of places cannot be below zero."
        if (
            self.closes_at
            and self.closes_at <= timezone.now()
            and not self.allow_past_closing
        ):
            stored = None
            if self.pk:
                stored = (
                    OpportunityPage.objects.filter(pk=self.pk)
                    .values_list("closes_at", flat=True)
                    .first()
                )
            if stored != self.closes_at:
                errors["closes_at"] = (
                    "The closing date has already passed. Choose a date and time in the future."
                )
        if self.payment_unit != PaymentUnit.VOLUNTARY and not self.payment_amount:
            errors["payment_amount"] = "Enter the amount paid, or choose “Voluntary”."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.sync_privacy()

    def sync_privacy(self):
        """Members-only opportunities carry a page privacy rule for the Members group."""
        from django.contrib.auth.models import Group

        existing = PageViewRestriction.objects.filter(
            page=self, restriction_type=PageViewRestriction.GROUPS
        )
        if self.audience == Audience.MEMBERS:
            if not existing.exists():
                restriction = PageViewRestriction.objects.create(
                    page=self, restriction_type=PageViewRestriction.GROUPS
                )
                restriction.groups.set(Group.objects.filter(name=MEMBERS_GROUP))
        else:
            existing.filter(groups__name=MEMBERS_GROUP).delete()

    def get_context(self, request, *args, **kwargs):
        from members.opportunities.services import detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(detail_context(request, self))
        return context

    # Derived facts used by cards, detail and services.
    @property
    def is_closed(self):
        return self.closes_at <= timezone.now()

    @property
    def is_paid(self):
        return self.payment_unit != PaymentUnit.VOLUNTARY

    def days_to_close(self):
        if self.is_closed:
            return None
        delta = timezone.localdate(self.closes_at) - timezone.localdate()
        return max(delta.days, 0)

    def expenses_list(self):
        names = [
            label
            for flag, label in (
                (self.expenses_travel, "travel"),
                (self.expenses_care, "replacement care"),
                (self.expenses_support_worker, "a support worker"),
                (self.expenses_internet, "internet or phone data"),
            )
            if flag
        ]
        if self.expenses_other:
            names.append(self.expenses_other)
        return names

    def support_list(self):
        names = []
        if self.support_training:
            names.append("training before you start")
        if self.support_pre_meetings:
            names.append("a pre-meeting before each session")
        if self.contact_name:
            names.append(f"a named contact: {self.contact_name}")
        return names


class InterestStatus(models.TextChoices):
    SUBMITTED = "submitted", "Submitted (pending review)"
    SHORTLISTED = "shortlisted", "Shortlisted"
    OFFERED = "offered", "Offered a place"
    NOT_SELECTED = "not_selected", "Not this time"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"
    WAITING_LIST = "waiting_list", "Waiting list"


class ExpressionOfInterest(models.Model):
    """A member's request to take part in one opportunity, reviewed by programme staff."""

    opportunity = models.ForeignKey(
        OpportunityPage, on_delete=models.PROTECT, related_name="interests"
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


class InterestStatusChange(models.Model):
    """One step in an interest's history, so member and staff see who changed what and when."""

    interest = models.ForeignKey(
        ExpressionOfInterest, on_delete=models.CASCADE, related_name="history"
    )
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, choices=InterestStatus.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "interest status change"

    def __str__(self):
        return f"{self.from_status or 'new'} → {self.to_status}"

    @property
    def to_label(self):
        return InterestStatus(self.to_status).label


class AlertFrequency(models.TextChoices):
    OFF = "off", "No alerts"
    IMMEDIATE = "immediate", "An email for each new matching opportunity"
    WEEKLY = "weekly", "A weekly digest"


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
        OpportunityPage, on_delete=models.CASCADE, related_name="+"
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


def _alert_on_publish(sender, instance, **kwargs):
    """Tell members who asked for immediate alerts; the sent-record stops any repeat."""
    from members.opportunities.services import queue_immediate_alerts

    queue_immediate_alerts(instance)


page_published.connect(_alert_on_publish, sender=OpportunityPage)
