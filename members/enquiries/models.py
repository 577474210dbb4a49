"""Enquiries from leaders: the stored enquiry, its reference counter and staff notes.

An enquiry is a plain record, never a Wagtail form submission, so deleting or moving the page
cannot delete what a leader sent (RL-5), and mail is only ever queued in the outbox.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone

from website import roles


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
        "members.EnquiryPage",
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
        limit_choices_to={"groups__name": roles.STAFF},
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)
    # Its history lines (website.Activity) go with it when an enquiry is deleted.
    activity = GenericRelation("website.Activity", related_query_name="enquiry")

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
