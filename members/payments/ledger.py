"""The ledger: claims arise from involvement, people add expenses and send them, staff
approve, finance pay. The only writer of `Claim` and `ClaimLine`.

    ledger.arise(person, involvement=Involvement.EVENT, source=f"event-booking:{b.pk}",
                 title=event.title, happened_on=day, logged_by=organiser)
    ledger.add_expense(claim, by=person, category=travel, amount=Decimal("12.40"))
    ledger.submit(claim, by=person)
    ledger.approve(claim, by=staff); ledger.pay(claim, by=finance, reference="BACS 77")

Every move goes through `CLAIM_FLOW` (website.workflow), which locks the row, so two
approvers or a double click cannot move a claim twice, and each move is in its history.
"""

from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from members.payments import notifications, totals
from members.payments import permissions as perms
from members.payments.models import (
    Claim,
    ClaimLine,
    ClaimStatus,
    PaymentChoice,
    PaymentPreference,
    PaymentRate,
)
from website import activity, notify, roles, uploads
from website.workflow import Transition, Workflow

S = ClaimStatus
EDITABLE = (S.DRAFT, S.RETURNED)
LARGEST = Decimal("10000.00")
SEEN = activity.PARTICIPANTS  # a claim's history is the person's to read

activity.register_verbs(
    {
        "claim_arose": "Claim opened",
        "expense_added": "Expense added",
        "expense_removed": "Expense removed",
        "fee_dropped": "Fee left out",
    }
)


class PaymentError(Exception):
    """A claim change refused, with a message for the person; nothing was changed."""


def money(value):
    """Pounds and pence from what a person typed, or PaymentError saying what is wrong."""
    try:
        amount = Decimal(str(value).strip().lstrip("£").replace(",", ""))
    except (InvalidOperation, ValueError):
        raise PaymentError("Enter an amount in pounds and pence, like 12.50.") from None
    if not amount.is_finite():
        raise PaymentError("Enter an amount in pounds and pence, like 12.50.")
    if amount != amount.quantize(Decimal("0.01")):
        raise PaymentError("Enter an amount to the nearest penny, like 12.50.")
    if amount <= 0:
        raise PaymentError("Enter an amount more than £0.00.")
    if amount > LARGEST:
        raise PaymentError(f"Enter an amount of at most £{LARGEST:,}.")
    return amount.quantize(Decimal("0.01"))


def rate_for(involvement, day):
    return (
        PaymentRate.objects.filter(involvement=involvement, valid_from__lte=day)
        .order_by("-valid_from")
        .first()
    )


def preference_of(person):
    return PaymentPreference.objects.filter(user=person).first()


def fee_for(rate, hours=None):
    """(amount, how it was worked out) for the fee at `rate`."""
    if rate is None:
        return Decimal("0.00"), ""
    if rate.unit != rate.Unit.HOUR:
        return rate.fee, f"£{rate.fee} a session"
    worked = Decimal(str(hours or 1)) + rate.preparation_hours
    how = f"{worked.normalize():f} hours at £{rate.fee} an hour"
    if rate.preparation_hours:
        how += f", with {rate.preparation_hours.normalize():f} for preparation"
    return (rate.fee * worked).quantize(Decimal("0.01")), how


@transaction.atomic
def arise(
    person,
    *,
    involvement,
    source,
    title,
    happened_on,
    logged_by=None,
    hours=None,
    fee=None,
    how="",
    expenses_cap=None,
):
    """A claim for one piece of involvement, ready for the person to check and send.
    Nothing for someone who chose no payment; the same claim again for the same source
    (a withdrawn one is opened again). The fee is the rate in force that day, unless the
    source sets its own (a coaching pairing's agreed session payment), as it may a limit
    on the claim's expenses in all."""
    preference = preference_of(person)
    choice = preference.choice if preference else PaymentChoice.FEE_AND_EXPENSES
    if choice == PaymentChoice.NO_PAYMENT:
        return None
    existing = Claim.objects.select_for_update().filter(person=person, source=source)
    claim = existing.first()
    if claim is not None:
        if claim.status == S.WITHDRAWN:
            CLAIM_FLOW.move(claim, S.DRAFT, by=logged_by, check=False)
        return claim
    rate = rate_for(involvement, happened_on)
    try:
        with transaction.atomic():
            claim = Claim.objects.create(
                person=person,
                involvement=involvement,
                source=source,
                title=title[:200],
                happened_on=happened_on,
                logged_by=logged_by,
                pay_as=choice,
                cost_code=rate.cost_code if rate else "",
                strand=rate.strand if rate else "",
                expenses_cap=expenses_cap,
            )
    except IntegrityError:  # the same source, at the same moment, from elsewhere
        return Claim.objects.get(person=person, source=source)
    if fee is None:
        fee, how = fee_for(rate, hours)
    else:
        how = how or f"£{fee} a session, agreed for this piece of work"
    if fee and choice != PaymentChoice.EXPENSES_ONLY:
        ClaimLine.objects.create(
            claim=claim, kind=ClaimLine.Kind.FEE, amount=fee, description=how
        )
    activity.record(
        claim, by=logged_by, verb="claim_arose", note=title[:200], visibility=SEEN
    )
    notify.notify(notifications.CLAIM_TO_REVIEW, person, _links(claim), about=claim)
    return claim


def withdraw(person, source, *, by=None):
    """The involvement behind a claim no longer counts (attendance corrected): a claim
    not yet approved is withdrawn; an approved or paid one is left for finance."""
    claim = Claim.objects.filter(
        person=person, source=source, status__in=(*EDITABLE, S.SUBMITTED)
    ).first()
    if claim is not None:
        CLAIM_FLOW.move(
            claim,
            S.WITHDRAWN,
            by=by,
            check=False,
            note="The involvement was corrected.",
        )
    return claim


def _editable(claim, by):
    if not perms.owns(by, claim):
        raise PaymentError("Only the person claiming can change this claim.")
    locked = Claim.objects.select_for_update().get(pk=claim.pk)
    if locked.status not in EDITABLE:
        raise PaymentError(
            f"This claim is {locked.get_status_display().lower()}, so it can no longer "
            "be changed."
        )
    return locked


@transaction.atomic
def add_expense(claim, *, by, category, amount, description="", receipt=None):
    """Add one expense, within its category's most per claim."""
    locked = _editable(claim, by)
    if locked.pay_as == PaymentChoice.NO_PAYMENT:
        raise PaymentError("You chose no payment, so there is nothing to claim.")
    if category is None or not category.active:
        raise PaymentError("Choose what the expense was for.")
    amount = money(amount)
    so_far = locked.lines.filter(category=category).aggregate(total=Sum("amount"))
    already = so_far["total"] or Decimal("0.00")
    if already + amount > category.cap:
        raise PaymentError(
            f"One claim can hold at most £{category.cap} for "
            f"{category.name.lower()}; this one already has £{already}."
        )
    if locked.expenses_cap is not None:
        spent = locked.lines.filter(kind=ClaimLine.Kind.EXPENSE).aggregate(
            total=Sum("amount")
        )["total"] or Decimal("0.00")
        if spent + amount > locked.expenses_cap:
            raise PaymentError(
                f"Expenses on this claim can come to at most £{locked.expenses_cap} "
                f"in all; it already has £{spent}."
            )
    line = ClaimLine(
        claim=locked,
        kind=ClaimLine.Kind.EXPENSE,
        category=category,
        amount=amount,
        description=description[:300],
    )
    if receipt:
        try:  # the file first: a storage failure leaves no line
            line.receipt.save(receipt.name, receipt, save=False)
        except OSError:
            raise PaymentError(uploads.STORAGE_FAILED) from None
    line.save()
    activity.record(
        locked, by=by, verb="expense_added", note=category.name, visibility=SEEN
    )
    return line


@transaction.atomic
def remove_line(line, *, by):
    """Take an expense off a claim, or the fee when the person would rather not take it."""
    locked = _editable(line.claim, by)
    verb = "fee_dropped" if line.kind == ClaimLine.Kind.FEE else "expense_removed"
    if line.receipt:
        name, storage = line.receipt.name, line.receipt.storage
        transaction.on_commit(lambda: storage.delete(name))
    line.delete()
    activity.record(locked, by=by, verb=verb, visibility=SEEN)


def _links(claim):
    return {"portal_url": notify.absolute_url(f"/portal/payments/{claim.pk}/")}


def _owner_may(user, claim):
    return perms.owns(user, claim)


def _finance_may(user, claim):
    return perms.can_pay(user)


def _return_may(user, claim):
    return perms.may_approve(user, claim) or perms.can_pay(user)


def _tell_the_person(claim, transition, by, note):
    if claim.person_id and transition.target in (S.APPROVED, S.PAID, S.RETURNED):
        notify.notify(
            notifications.CLAIM_MOVED, claim.person, _links(claim), about=claim
        )


def _tell_the_approvers(claim, transition, by, note):
    if transition.target == S.SUBMITTED:
        notify.notify(
            notifications.CLAIM_SENT,
            roles.staff_emails(),
            {"queue_url": notify.absolute_url("/admin/payments/")},
        )


CLAIM_FLOW = Workflow(
    Claim,
    transitions=[
        Transition([S.DRAFT, S.RETURNED], S.SUBMITTED, who=_owner_may, name="send"),
        Transition(S.SUBMITTED, S.APPROVED, who=perms.may_approve, name="approve"),
        Transition(
            [S.SUBMITTED, S.APPROVED],
            S.RETURNED,
            who=_return_may,
            name="return",
            note_required="Say why the claim is returned, so the person can put it right.",
        ),
        Transition(S.APPROVED, S.PAID, who=_finance_may, name="pay"),
        # System moves only (check=False): attendance corrected, or marked again.
        Transition(
            [S.DRAFT, S.RETURNED, S.SUBMITTED], S.WITHDRAWN, who=lambda u, c: False
        ),
        Transition(S.WITHDRAWN, S.DRAFT, who=lambda u, c: False),
    ],
    timestamps={S.SUBMITTED: "submitted_at"},
    keep_timestamps=True,
    visibility=activity.PARTICIPANTS,  # the person sees every move and reason
    after=[_tell_the_person, _tell_the_approvers],
    error=PaymentError,
    refused=lambda claim, target: (
        f"This claim is {claim.get_status_display().lower()}; nothing was changed."
    ),
)


def submit(claim, *, by, take_fee=True):
    """Send the claim for approval. `take_fee=False` leaves the fee out (the person chose
    expenses only, often near a benefits limit); sending over a limit is flagged."""
    with transaction.atomic():
        locked = _editable(claim, by)
        if not take_fee:
            fee_lines = locked.lines.filter(kind=ClaimLine.Kind.FEE)
            if fee_lines.exists():
                fee_lines.delete()
                activity.record(locked, by=by, verb="fee_dropped", visibility=SEEN)
        if not locked.lines.exists():
            raise PaymentError(
                "There is nothing on this claim to send. Add an expense, or leave it."
            )
        warnings = totals.limit_warnings(locked, preference_of(by))
        return CLAIM_FLOW.move(
            claim, S.SUBMITTED, by=by, over_limit=bool(warnings), returned_reason=""
        )


def approve(claim, *, by):
    if perms.can_approve(by) and not perms.may_approve(by, claim):
        raise PaymentError(perms.why_not_approve(by, claim))
    return CLAIM_FLOW.move(
        claim, S.APPROVED, by=by, approved_by=by, approved_at=timezone.now()
    )


def send_back(claim, *, by, reason):
    reason = (reason or "").strip()[:500]
    return CLAIM_FLOW.move(
        claim, S.RETURNED, by=by, note=reason, returned_reason=reason
    )


def pay(claim, *, by, reference, paid_on=None):
    reference = (reference or "").strip()[:60]
    if not reference:
        raise PaymentError("Enter the payment reference from the finance system.")
    paid_on = paid_on or timezone.localdate()
    if paid_on > timezone.localdate():
        raise PaymentError("Enter the day it was paid, today or earlier.")
    if paid_on < claim.happened_on:
        raise PaymentError(
            "Enter the day it was paid: it cannot be before the involvement "
            f"({claim.happened_on:%-d %B %Y})."
        )
    return CLAIM_FLOW.move(
        claim, S.PAID, by=by, paid_on=paid_on, payment_reference=reference
    )
