"""Rates and terms set by staff, each person's payment preference, and the ledger.

A claim is one payable piece of involvement (an event attended, a session held) with its
lines: the fee at the rate in force on the day, and the expenses the person adds. Rates
are dated, and a fee line keeps the amount it was worked out at, so changing a rate never
rewrites a past claim. Only `members.payments.ledger` writes claims and their lines;
`members.payments.preferences` writes preferences.
"""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

MONEY = {"max_digits": 9, "decimal_places": 2}
NOT_NEGATIVE = [MinValueValidator(Decimal("0"))]


class Involvement(models.TextChoices):
    COACHING_SESSION = "coaching_session", "Coaching session"
    NETWORK_MEETING = "network_meeting", "Network meeting"
    EVENT = "event", "Event or workshop"
    OPPORTUNITY = "opportunity", "Involvement opportunity"
    LEARNING_SET = "learning_set", "Learning set session"
    OTHER = "other", "Other involvement"


class PaymentRate(models.Model):
    """What one kind of involvement pays from a date on; the newest rate not after the
    day of the involvement applies."""

    class Unit(models.TextChoices):
        SESSION = "session", "per session"
        HOUR = "hour", "per hour"

    involvement = models.CharField(max_length=30, choices=Involvement.choices)
    unit = models.CharField(max_length=10, choices=Unit.choices, default=Unit.SESSION)
    fee = models.DecimalField(**MONEY, validators=NOT_NEGATIVE)
    preparation_hours = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        default=Decimal("0"),
        validators=NOT_NEGATIVE,
        help_text="Hours of preparation paid at the hourly fee (hourly rates only).",
    )
    valid_from = models.DateField(default=timezone.localdate)
    cost_code = models.CharField(
        max_length=40, blank=True, help_text="The finance system's code for this work."
    )
    strand = models.CharField(
        "programme strand",
        max_length=80,
        blank=True,
        help_text="For finance totals, for example “Coaching” or “Networks”.",
    )

    class Meta:
        ordering = ["involvement", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["involvement", "valid_from"], name="one_rate_per_kind_and_day"
            )
        ]

    def __str__(self):
        return (
            f"{self.get_involvement_display()}: £{self.fee} "
            f"{self.get_unit_display()} from {self.valid_from:%d %b %Y}"
        )


class ExpenseCategory(models.Model):
    """A kind of expense people may claim, with the most one claim may hold."""

    name = models.CharField(max_length=80, unique=True)
    hint = models.CharField(max_length=200, blank=True)
    cap = models.DecimalField(
        "most per claim", **MONEY, validators=NOT_NEGATIVE, default=Decimal("50.00")
    )
    active = models.BooleanField(default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "expense categories"

    def __str__(self):
        return self.name


class PaymentChoice(models.TextChoices):
    FEE_AND_EXPENSES = "fee_and_expenses", "A fee and my expenses"
    EXPENSES_ONLY = "expenses_only", "My expenses only"
    VOUCHERS = "vouchers", "Vouchers instead of money"
    NO_PAYMENT = "no_payment", "No payment, thank you"


class PaymentPreference(models.Model):
    """How one person wants to be paid. Private to them and finance staff; bank details
    never live here, only a reference to the finance system's payee record."""

    class Employment(models.TextChoices):
        NOT_ASKED = "", "Not answered"
        NOT_EMPLOYED = "not_employed", "I am not employed by the organisation"
        EMPLOYED = "employed", "I am employed by the organisation"
        SELF_EMPLOYED = "self_employed", "I am self-employed for this work"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="payment_preference",
    )
    choice = models.CharField(
        max_length=20,
        choices=PaymentChoice.choices,
        default=PaymentChoice.FEE_AND_EXPENSES,
    )
    payee_reference = models.CharField(
        max_length=40,
        blank=True,
        help_text="The finance system's payee record; empty means still to be set up.",
    )
    on_benefits = models.BooleanField(default=False)
    weekly_limit = models.DecimalField(
        **MONEY, null=True, blank=True, validators=NOT_NEGATIVE
    )
    year_limit = models.DecimalField(
        **MONEY, null=True, blank=True, validators=NOT_NEGATIVE
    )
    read_information_at = models.DateTimeField(null=True, blank=True)
    employment = models.CharField(
        max_length=20, choices=Employment.choices, blank=True, default=""
    )
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Payment preference of {self.user_id}"

    @property
    def takes_fee(self):
        return self.choice in (PaymentChoice.FEE_AND_EXPENSES, PaymentChoice.VOUCHERS)

    @property
    def claims_anything(self):
        return self.choice != PaymentChoice.NO_PAYMENT


class PaidEvent(models.Model):
    """An event whose attendees are paid for taking part, at the rate of its kind."""

    event = models.OneToOneField(
        "members.Event", on_delete=models.CASCADE, related_name="payment_terms"
    )
    involvement = models.CharField(
        max_length=30, choices=Involvement.choices, default=Involvement.EVENT
    )

    def __str__(self):
        return f"Paid attendance at event {self.event_id}"


class ClaimStatus(models.TextChoices):
    DRAFT = "draft", "To send"
    SUBMITTED = "submitted", "Sent, waiting for approval"
    APPROVED = "approved", "Approved, waiting for payment"
    PAID = "paid", "Paid"
    RETURNED = "returned", "Returned to you"
    WITHDRAWN = "withdrawn", "No longer payable"


class Claim(models.Model):
    """One payable piece of involvement and what is claimed for it."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="payment_claims",
    )
    involvement = models.CharField(max_length=30, choices=Involvement.choices)
    # "event-booking:12": one claim per source and person, so nothing is paid twice.
    source = models.CharField(max_length=60)
    title = models.CharField(max_length=200)
    happened_on = models.DateField()
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pay_as = models.CharField(
        max_length=20,
        choices=PaymentChoice.choices,
        default=PaymentChoice.FEE_AND_EXPENSES,
    )
    cost_code = models.CharField(max_length=40, blank=True)
    strand = models.CharField(max_length=80, blank=True)
    status = models.CharField(
        max_length=20,
        choices=ClaimStatus.choices,
        default=ClaimStatus.DRAFT,
        db_index=True,
    )
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    paid_on = models.DateField(null=True, blank=True)
    payment_reference = models.CharField(max_length=60, blank=True)
    returned_reason = models.CharField(max_length=500, blank=True)
    # Sent although it crossed a limit the person set; finance staff see a flag.
    over_limit = models.BooleanField(default=False)
    expenses_cap = models.DecimalField(
        **MONEY,
        null=True,
        blank=True,
        validators=NOT_NEGATIVE,
        help_text="The most all expenses on this claim may come to, where its source "
        "set one (a coaching pairing's limit per session); each category's cap applies too.",
    )

    class Meta:
        ordering = ["-happened_on", "-pk"]
        permissions = [
            ("approve_claim", "Can approve involvement payment claims"),
            ("pay_claim", "Can mark approved claims paid and export them"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "source"], name="one_claim_per_source_and_person"
            )
        ]
        indexes = [models.Index(fields=["person", "happened_on"])]

    def __str__(self):
        return f"Claim {self.pk}: {self.title}"


def receipt_path(line, filename):
    """A random stored name: the person's file name never reaches the storage."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"receipts/{secrets.token_urlsafe(18)}.{extension}"


class ClaimLine(models.Model):
    """One amount on a claim: the fee for the involvement, or one expense."""

    class Kind(models.TextChoices):
        FEE = "fee", "Fee"
        EXPENSE = "expense", "Expense"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="lines")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    category = models.ForeignKey(
        ExpenseCategory, null=True, blank=True, on_delete=models.PROTECT
    )
    description = models.CharField(max_length=300, blank=True)
    amount = models.DecimalField(**MONEY, validators=NOT_NEGATIVE)
    receipt = models.FileField(upload_to=receipt_path, blank=True, max_length=200)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="claim_line_not_negative"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} £{self.amount}"
