"""Invitations and applications: the only two ways an account comes into being.

Invitation links carry a random token; only its SHA-256 is stored, so a database leak cannot
be turned into working links. A link works once and expires (default 14 days).
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from members.accounts.choices import MemberType

INVITATION_DAYS = 14


def hash_token(token):
    return hashlib.sha256((token or "").encode("utf-8", "ignore")).hexdigest()


def default_expiry():
    days = getattr(settings, "MEMBER_INVITATION_DAYS", INVITATION_DAYS)
    return timezone.now() + timedelta(days=days)


class InvitationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )


class Invitation(models.Model):
    """A programme staff member's invitation for one person to join the portal."""

    class Status(models.TextChoices):
        OPEN = "open", "Waiting for a reply"
        ACCEPTED = "accepted", "Accepted"
        EXPIRED = "expired", "Expired"
        REVOKED = "revoked", "Revoked"

    email = models.EmailField(max_length=254)
    member_type = models.CharField(
        max_length=20,
        choices=MemberType.choices,
        default=MemberType.LIVED_EXPERIENCE_PARTNER,
    )
    network_slug = models.SlugField(
        max_length=100,
        blank=True,
        help_text="Optional network to join on acceptance (networks app reads it).",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    send_count = models.PositiveSmallIntegerField(default=0)
    expires_at = models.DateTimeField(default=default_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    accepted_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accepted_invitations",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["email"])]

    def __str__(self):
        return f"Invitation for {self.email}"

    def new_token(self):
        """Give the invitation a fresh token (invalidating any earlier link) and return it."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        return token

    @property
    def status(self):
        if self.accepted_at:
            return self.Status.ACCEPTED
        if self.revoked_at:
            return self.Status.REVOKED
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.OPEN

    def get_status_display(self):
        return self.Status(self.status).label

    @property
    def is_open(self):
        return self.status == self.Status.OPEN


class Application(models.Model):
    """A person's request to become a Lived Experience Partner or member; staff decide."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a decision"
        APPROVED = "approved", "Approved (invitation sent)"
        DECLINED = "declined", "Declined"

    name = models.CharField(max_length=200)
    email = models.EmailField(max_length=254)
    member_type = models.CharField(
        max_length=20,
        choices=[
            (
                MemberType.LIVED_EXPERIENCE_PARTNER,
                MemberType.LIVED_EXPERIENCE_PARTNER.label,
            ),
            (MemberType.ORGANISATION_CONTACT, MemberType.ORGANISATION_CONTACT.label),
        ],
        default=MemberType.LIVED_EXPERIENCE_PARTNER,
    )
    region = models.ForeignKey(
        "home.Region",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.CharField(max_length=200, blank=True)
    reason = models.TextField(max_length=2000)
    privacy_notice_version = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PENDING
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invitation = models.ForeignKey(
        Invitation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Application from {self.name}"
