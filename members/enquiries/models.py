"""Enquiries from leaders: the public enquiry page, the stored enquiry, and its triage trail.

An enquiry is a plain record, never a Wagtail form submission, so deleting or moving the page
cannot delete what a leader sent (RL-5), and mail is only ever queued in the outbox.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from home.models.easy_read import EasyReadLinkMixin
from home.routing import QuickRouteMixin

STAFF_GROUP = "Programme staff"


class EnquiryType(models.TextChoices):
    COACHING = "coaching", "1-to-1 coaching with a Lived Experience Partner"
    MENTORING = "mentoring", "Mentoring"
    COPRODUCTION = "coproduction", "Help embedding strategic co-production"
    NETWORK = "network", "Working with a regional co-production network"
    OTHER = "other", "Something else"


class OrganisationType(models.TextChoices):
    NHS_PROVIDER = "nhs_provider", "NHS trust or provider"
    ICB = "icb", "Integrated care board"
    LOCAL_AUTHORITY = "local_authority", "Local authority adult social care"
    ADASS = "adass", "ADASS region"
    VOLUNTARY = "voluntary", "Voluntary or community organisation"
    OTHER = "other", "Other"


class EnquiryPage(EasyReadLinkMixin, RoutablePageMixin, QuickRouteMixin, Page):
    """The public enquiry form for senior leaders, at /enquire/ in the demo site.

    Editors set the words around the form and which enquiry types are offered. Notification
    recipients can only be chosen from programme staff accounts (SP-4): there is deliberately
    no free-text "to address" an editor could point elsewhere.
    """

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
        limit_choices_to={"groups__name": STAFF_GROUP, "is_active": True},
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
        from members.enquiries.views import enquiry_form

        return enquiry_form(request, self)

    @path("thank-you/")
    def thank_you(self, request):
        from members.enquiries.views import enquiry_thank_you

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


class EnquiryCounter(models.Model):
    """The last reference number issued in a year; updated under a row lock (see services)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class Enquiry(models.Model):
    """What a leader asked for, stored before any email is attempted; triaged by staff."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_PROGRESS = "in_progress", "In progress"
        MATCHED = "matched", "Matched"
        REFERRED = "referred", "Referred"
        CLOSED = "closed", "Closed"
        SPAM = "spam", "Spam"

    reference = models.CharField(max_length=20, unique=True, editable=False)
    submission_token = models.UUIDField(unique=True, editable=False, null=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    page = models.ForeignKey(
        EnquiryPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    full_name = models.CharField(max_length=200)
    email = models.EmailField(max_length=254)
    phone = models.CharField(max_length=40, blank=True)
    job_title = models.CharField(max_length=200)
    organisation = models.CharField(max_length=200)
    organisation_type = models.CharField(
        max_length=20, choices=OrganisationType.choices
    )
    region = models.ForeignKey(
        "home.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    region_name = models.CharField(
        max_length=100, blank=True, help_text="Kept if the region is later deleted."
    )
    enquiry_type = models.CharField(max_length=20, choices=EnquiryType.choices)
    network_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The regional network the enquiry is about, if any.",
    )
    network_name = models.CharField(max_length=255, blank=True)
    message = models.TextField(max_length=5000)
    heard_about = models.CharField(
        "how they heard about us", max_length=500, blank=True
    )
    access_needs = models.TextField("access needs", max_length=2000, blank=True)
    consented_at = models.DateTimeField(null=True, blank=True)

    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    spam_reason = models.CharField(max_length=100, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_enquiries",
        limit_choices_to={"groups__name": STAFF_GROUP},
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "enquiries"
        permissions = [("export_enquiry", "Can export enquiries")]

    def __str__(self):
        return f"{self.reference} – {self.organisation}"

    @property
    def is_spam(self):
        return self.status == self.Status.SPAM


class EnquiryNote(models.Model):
    """An internal note by staff; never shown to the enquirer."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(max_length=200, blank=True)
    text = models.TextField(max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Note on {self.enquiry_id} by {self.author_name}"


class EnquiryEvent(models.Model):
    """One line of an enquiry's history: received, status changed, assigned, noted, purged."""

    class Action(models.TextChoices):
        RECEIVED = "received", "Received"
        STATUS = "status", "Status changed"
        ASSIGNED = "assigned", "Assignee changed"
        NOTE = "note", "Note added"
        EMAIL_RETRIED = "email_retried", "Email retried"
        ANONYMISED = "anonymised", "Anonymised"

    enquiry = models.ForeignKey(
        Enquiry, on_delete=models.CASCADE, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=200, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    description = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.description}"
