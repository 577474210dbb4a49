"""The staff side of payments, in the admin: the queue of claims to approve and to pay,
one claim with its receipts and the moves the viewer may make, and the finance export
(one row per payment line, streamed, amounts as exact decimals)."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST

from home.pagination import get_page
from members.payments import ledger, preferences, queries, totals
from members.payments import permissions as perms
from members.payments.forms import PayeeForm, PayForm, ReturnForm
from members.payments.models import Claim, ClaimLine, ClaimStatus
from website.spreadsheets import safe_cell
from website.views import forbidden

PER_PAGE = 50
# The statuses in staff's words (the model's labels speak to the person claiming).
STAFF_LABELS = {
    ClaimStatus.DRAFT: "Not sent yet",
    ClaimStatus.SUBMITTED: "Waiting for approval",
    ClaimStatus.APPROVED: "Approved, waiting for payment",
    ClaimStatus.PAID: "Paid",
    ClaimStatus.RETURNED: "Returned to the person",
    ClaimStatus.WITHDRAWN: "Withdrawn (involvement corrected)",
}
EXPORT_COLUMNS = [
    "claim",
    "line",
    "payee_reference",
    "person",
    "involvement",
    "happened_on",
    "kind",
    "category",
    "cost_code",
    "strand",
    "amount",
    "vat_free",
    "status",
    "paid_on",
    "payment_reference",
]


def _refused(request, allowed=perms.sees_ledger):
    """A real 403 page (Wagtail would turn PermissionDenied into a redirect), or None."""
    return None if allowed(request.user) else forbidden(request)


def queue(request):
    """Claims waiting for approval or payment (or any status), filterable by name."""
    if refused := _refused(request):
        return refused
    status = request.GET.get("status", "")
    search = request.GET.get("q", "").strip()[:100]
    page_obj = get_page(
        queries.staff_queue(status, search), PER_PAGE, request.GET.get("page")
    )
    return render(
        request,
        "members/payments/admin/queue.html",
        {
            "page_obj": page_obj,
            "status": status if status in ClaimStatus.values else "",
            "search": search,
            "statuses": list(STAFF_LABELS.items()),
            "can_export": perms.can_pay(request.user),
        },
    )


def detail(request, pk):
    if refused := _refused(request):
        return refused
    claim = get_object_or_404(
        queries.with_total(Claim.objects.select_related("person", "logged_by")), pk=pk
    )
    return _detail_page(request, claim)


def _detail_page(
    request, claim, return_form=None, pay_form=None, payee_form=None, status=200
):
    user = request.user
    preference = ledger.preference_of(claim.person) if claim.person_id else None
    return render(
        request,
        "members/payments/admin/claim.html",
        {
            "claim": claim,
            "claim_heading": f"Claim {claim.pk}",
            "staff_status": STAFF_LABELS[claim.status],
            "lines": list(claim.lines.select_related("category")),
            "preference": preference,
            "year": totals.totals(claim.person, claim.happened_on)
            if claim.person_id
            else None,
            "tax_year": totals.tax_year_label(claim.happened_on),
            "may_approve": claim.status == ClaimStatus.SUBMITTED
            and perms.may_approve(user, claim),
            "why_not": perms.why_not_approve(user, claim)
            if perms.can_approve(user)
            else "",
            "may_return": ledger.CLAIM_FLOW.can(claim, ClaimStatus.RETURNED, user),
            "may_pay": ledger.CLAIM_FLOW.can(claim, ClaimStatus.PAID, user),
            "return_form": return_form or ReturnForm(),
            "pay_form": pay_form
            or PayForm(initial={"paid_on": timezone.localdate().isoformat()}),
            "payee_form": payee_form
            or PayeeForm(
                initial={"payee_reference": getattr(preference, "payee_reference", "")}
            ),
            "may_set_payee": perms.can_pay(user) and claim.person_id is not None,
            "history": queries.history(claim),
        },
        status=status,
    )


@require_POST
def move(request, pk, step):
    if refused := _refused(request):
        return refused
    claim = get_object_or_404(
        queries.with_total(Claim.objects.select_related("person", "logged_by")), pk=pk
    )
    try:
        if step == "approve":
            ledger.approve(claim, by=request.user)
        elif step == "return":
            form = ReturnForm(request.POST)
            if not form.is_valid():
                return _detail_page(request, claim, return_form=form, status=400)
            ledger.send_back(claim, by=request.user, reason=form.cleaned_data["reason"])
        elif step == "pay":
            form = PayForm(request.POST)
            if not form.is_valid():
                return _detail_page(request, claim, pay_form=form, status=400)
            ledger.pay(
                claim,
                by=request.user,
                reference=form.cleaned_data["reference"],
                paid_on=form.cleaned_data["paid_on"],
            )
        elif step == "payee" and perms.can_pay(request.user) and claim.person_id:
            form = PayeeForm(request.POST)
            if not form.is_valid():
                return _detail_page(request, claim, payee_form=form, status=400)
            preferences.set_payee(
                claim.person, form.cleaned_data["payee_reference"], by=request.user
            )
            messages.success(request, "Payee reference saved.")
            return redirect("payments_admin:claim", pk=claim.pk)
        else:
            return forbidden(request)
    except (ledger.PaymentError, PermissionDenied) as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request, f"Claim {claim.pk}: {STAFF_LABELS[claim.status].lower()}."
        )
    return redirect("payments_admin:claim", pk=claim.pk)


class _Echo:
    def write(self, value):
        return value


def export(request):
    """Every payment line of the chosen status (approved by default), as CSV."""
    if refused := _refused(request, perms.can_pay):
        return refused
    status = request.GET.get("status", ClaimStatus.APPROVED)
    if status not in ClaimStatus.values:
        status = ClaimStatus.APPROVED
    lines = (
        ClaimLine.objects.filter(claim__status=status)
        .select_related("claim", "category", "claim__person__payment_preference")
        .order_by("claim_id", "pk")
    )
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(EXPORT_COLUMNS)
        for line in lines.iterator(chunk_size=1000):
            yield writer.writerow([safe_cell(cell) for cell in export_row(line)])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="payment-lines-{status}.csv"'
    )
    return response


def export_row(line):
    claim = line.claim
    person = claim.person
    preference = getattr(person, "payment_preference", None) if person else None
    return [
        claim.pk,
        line.pk,
        preference.payee_reference if preference else "",
        (person.get_full_name() or person.email) if person else "",
        claim.get_involvement_display(),
        claim.happened_on.isoformat(),
        line.get_kind_display(),
        line.category.name if line.category_id else "",
        claim.cost_code,
        claim.strand,
        f"{line.amount:.2f}",
        "yes",  # involvement fees and expenses are outside the scope of VAT
        claim.get_status_display(),
        claim.paid_on.isoformat() if claim.paid_on else "",
        claim.payment_reference,
    ]


admin_urls = [
    path("", queue, name="queue"),
    path("export.csv", export, name="export"),
    path("<int:pk>/", detail, name="claim"),
    path("<int:pk>/<slug:step>/", move, name="move"),
]
