"""The opportunity pages editors publish: the /opportunities/ listing and each opportunity.

Involvement terms are structured fields (not free text) so every opportunity states time,
payment, expenses and support the same way in its "What's involved" box.

The pages name nothing above them: what their templates show beyond the page's own fields
(filters, places left, the member's own interest) comes from the context providers that
`members.opportunities.listing` registers under the hooks below, so the listing and interest
code may import the pages without a cycle.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from home.models.easy_read import EasyReadLinkMixin
from home.routing import QuickRouteMixin
from members.opportunities.choices import Audience, Format, OpportunityType, PaymentUnit
from members.opportunities.panels import InterestCountsPanel
from website import roles

# callable(request, page) -> dict, merged into the page's template context.
INDEX_CONTEXT_HOOK = "members_opportunity_index_context"
DETAIL_CONTEXT_HOOK = "members_opportunity_detail_context"


def _provided_context(hook_name, request, page):
    context = {}
    for provider in hooks.get_hooks(hook_name):
        context.update(provider(request, page))
    return context


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

    search_kind = "Opportunities"  # what search results call it

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
        context = super().get_context(request, *args, **kwargs)
        context.update(_provided_context(INDEX_CONTEXT_HOOK, request, self))
        return context


class OpportunityPage(EasyReadLinkMixin, QuickRouteMixin, Page):
    """One opportunity: what it is, the plain terms of involvement, and how to express interest."""

    search_kind = "Opportunity"  # what search results call it

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
                restriction.groups.set(Group.objects.filter(name=roles.MEMBERS))
        else:
            existing.filter(groups__name=roles.MEMBERS).delete()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(_provided_context(DETAIL_CONTEXT_HOOK, request, self))
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
