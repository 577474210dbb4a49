"""The public enquiry page (/enquire/ in the demo): the words around the form, the types
offered and who is told. The page hands requests to the feature's views; the enquiry itself is
a plain record (models.py), so deleting or moving the page cannot delete what a leader sent."""

from django import forms
from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from home.models.easy_read import EasyReadLinkMixin
from home.routing import QuickRouteMixin
from members.enquiries.models import EnquiryType
from members.enquiries.views import enquiry_form, enquiry_thank_you
from website import roles


class EnquiryPage(EasyReadLinkMixin, RoutablePageMixin, QuickRouteMixin, Page):
    """The public enquiry form for senior leaders, at /enquire/ in the demo site.

    Editors set the words around the form and which enquiry types are offered. Notification
    recipients can only be chosen from programme staff accounts (SP-4): there is deliberately
    no free-text "to address" an editor could point elsewhere.
    """

    search_kind = "Form"  # what search results call it

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text="Shown above the form: who the form is for and what happens after they send it.",
    )
    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text="Shown on the confirmation page under the reference: the next steps.",
    )
    privacy_note = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A short note beside the consent box: what we keep, why and for how long.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The full privacy notice, linked from the consent box.",
    )
    notify_staff = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        limit_choices_to={"groups__name": roles.STAFF, "is_active": True},
        help_text=(
            "Programme staff who are emailed about each new enquiry. Only programme staff "
            "accounts can be chosen; addresses in the ENQUIRY_NOTIFY_EMAILS setting are "
            "always emailed as well."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        EasyReadLinkMixin.easy_read_panel,
        InlinePanel(
            "offered_types",
            label="Enquiry types offered",
            help_text="Leave empty to offer every type.",
        ),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("privacy_note"), FieldPanel("privacy_page")],
            heading="Privacy",
        ),
        FieldPanel("notify_staff", widget=forms.CheckboxSelectMultiple),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "enquiry page"

    def get_enquiry_types(self):
        """The (value, label) choices this page offers, in the editor's order."""
        chosen = [item.enquiry_type for item in self.offered_types.all()]
        if not chosen:
            return list(EnquiryType.choices)
        labels = dict(EnquiryType.choices)
        return [(value, labels[value]) for value in chosen if value in labels]

    @path("")
    def enquiry_form(self, request):
        return enquiry_form(request, self)

    @path("thank-you/")
    def thank_you(self, request):
        return enquiry_thank_you(request, self)


class EnquiryPageType(Orderable):
    """One enquiry type the page offers; editors order and prune the list."""

    page = ParentalKey(
        EnquiryPage, on_delete=models.CASCADE, related_name="offered_types"
    )
    enquiry_type = models.CharField(max_length=20, choices=EnquiryType.choices)

    panels = [FieldPanel("enquiry_type")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["page", "enquiry_type"], name="unique_enquiry_type_per_page"
            )
        ]
