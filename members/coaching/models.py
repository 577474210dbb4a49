"""Coaching and mentoring pairings: a leader's enquiry matched with a Lived Experience Partner.

A pairing moves through a fixed lifecycle (see `Pairing.Status` and members/coaching/services.py);
every move is a line in the shared history (website.Activity). Sessions record when and how people met, never what
was said. Each session opens a claim in the partner's payments ledger (members/payments);
both sides reflect when it ends.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from members.enquiries.models import OrganisationType
from website import reflections

DEFAULT_SESSION_PAYMENT = Decimal("75.00")
DEFAULT_EXPENSES_LIMIT = Decimal("50.00")
MONEY = {"max_digits": 8, "decimal_places": 2}


class PartnerAvailability(models.Model):
    """How many pairings a Lived Experience Partner can take on, and what they know about.

    Kept apart from the profile so that matching reads one small table; staff and the partner
    agree these together.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="partner_availability",
    )
    capacity = models.PositiveSmallIntegerField(
        default=1,
        validators=[MaxValueValidator(10)],
        help_text="How many pairings at once the partner is happy to have.",
    )
    accepting = models.BooleanField(
        default=True, help_text="Untick while the partner is taking a break."
    )
    unavailable_until = models.DateField(null=True, blank=True)
    experience_areas = models.JSONField(
        default=list,
        blank=True,
        help_text="Codes from members.enquiries.models.EnquiryType the partner knows well.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "partner availability"

    def __str__(self):
        return f"Availability of {self.user}"


class Pairing(models.Model):
    """One leader's coaching or mentoring with a Lived Experience Partner, from proposal to end.

    What the partner sees before accepting (role, organisation type, region, focus) is copied
    here, so it survives the enquiry being anonymised and never includes contact details.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Partner proposed"
        PARTNER_INVITED = "partner_invited", "Partner invited"
        PARTNER_ACCEPTED = "partner_accepted", "Partner accepted"
        PARTNER_DECLINED = "partner_declined", "Partner declined"
        INTRODUCED = "introduced", "Introduced"
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        COMPLETED = "completed", "Completed"
        ENDED_EARLY = "ended_early", "Ended early"

    enquiry = models.ForeignKey(
        "members.Enquiry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pairings",
    )
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_pairings",
        help_text="Set when the pairing is introduced.",
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    leader_role = models.CharField(max_length=200)
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
    region_name = models.CharField(max_length=100, blank=True)
    focus = models.TextField(
        "what the leader wants to work on",
        max_length=2000,
        help_text="Shown to the partner before they accept: no names or contact details.",
    )
    enquiry_received_at = models.DateTimeField(default=timezone.now)
    session_payment = models.DecimalField(
        **MONEY,
        default=DEFAULT_SESSION_PAYMENT,
        validators=[MinValueValidator(Decimal("0"))],
        help_text="Paid to the partner per session; 0 when the programme does not pay.",
    )
    expenses_limit = models.DecimalField(
        **MONEY,
        default=DEFAULT_EXPENSES_LIMIT,
        validators=[MinValueValidator(Decimal("0"))],
        help_text="The most a partner may claim in expenses for one session.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status_changed_at = models.DateTimeField(default=timezone.now)
    matched_at = models.DateTimeField(null=True, blank=True)
    introduced_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.TextField(max_length=2000, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("view_programme_figures", "Can see programme figures"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(session_payment__gte=0)
                & models.Q(expenses_limit__gte=0),
                name="pairing_money_not_negative",
            )
        ]

    def __str__(self):
        return f"Pairing {self.pk} ({self.get_status_display()})"

    @property
    def reference(self):
        return f"PAIR-{self.pk:05d}" if self.pk else "PAIR-new"

    @property
    def leader_can_see(self):
        """Leaders see nothing until staff introduce them."""
        return self.status in LEADER_VISIBLE


LIVE_STATUSES = (
    Pairing.Status.PARTNER_ACCEPTED,
    Pairing.Status.INTRODUCED,
    Pairing.Status.ACTIVE,
    Pairing.Status.PAUSED,
)
LEADER_VISIBLE = (
    Pairing.Status.INTRODUCED,
    Pairing.Status.ACTIVE,
    Pairing.Status.PAUSED,
    Pairing.Status.COMPLETED,
    Pairing.Status.ENDED_EARLY,
)
FINISHED = (Pairing.Status.COMPLETED, Pairing.Status.ENDED_EARLY)


class PairingPartner(models.Model):
    """A partner asked to join a pairing, and their answer; a declined row stays as history."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        INVITED = "invited", "Invited"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn by staff"

    pairing = models.ForeignKey(
        Pairing, on_delete=models.CASCADE, related_name="partners"
    )
    partner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    proposed_at = models.DateTimeField(default=timezone.now)
    invited_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(max_length=1000, blank=True)
    match_reasons = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["proposed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["pairing", "partner"], name="partner_once_per_pairing"
            )
        ]

    def __str__(self):
        return f"{self.partner} on pairing {self.pairing_id}"


class PairingSession(models.Model):
    """That a session happened: its date, length and format. Never what was talked about."""

    class Mode(models.TextChoices):
        ONLINE = "online", "Online"
        IN_PERSON = "in_person", "In person"
        PHONE = "phone", "By phone"

    pairing = models.ForeignKey(
        Pairing, on_delete=models.CASCADE, related_name="sessions"
    )
    date = models.DateField()
    duration_minutes = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(5), MaxValueValidator(480)]
    )
    mode = models.CharField(max_length=20, choices=Mode.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = "session"

    def __str__(self):
        return f"Session on {self.date:%d %b %Y}"


class Reflection(reflections.ReflectionFields):
    """One side's short reflection at the end; staff report figures and consented quotes
    only. The questions are the core's (website/reflections.py), as for learning sets."""

    class Role(models.TextChoices):
        PARTNER = "partner", "Lived Experience Partner"
        LEADER = "leader", "Leader"

    Recommend = reflections.Recommend

    pairing = models.ForeignKey(
        Pairing, on_delete=models.CASCADE, related_name="reflections"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    # A separate choice from quoting: the other side reads it only if its author said so.
    shared_with_other_side = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["pairing", "role"], name="one_reflection_per_side"
            )
        ]

    def __str__(self):
        return f"{self.get_role_display()} reflection on pairing {self.pairing_id}"
