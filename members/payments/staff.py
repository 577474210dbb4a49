"""The staff side of payments, in the admin: the queue of claims to approve and to pay,
a claim staff add by hand (members/payments/added.py), one claim with its receipts and the
moves the viewer may make, the finance exports (CSV and Excel, members/payments/finance.py),
the figures by strand and month, and a person's statement for a tax year."""

from datetime import date

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
)

from home.pagination import get_page
from members.payments import added, finance, ledger, preferences, queries, totals
from members.payments import permissions as perms
from members.payments.added import AddClaimForm
from members.payments.forms import PayeeForm, PayForm, ReturnForm
from members.payments.models import Claim, ClaimStatus
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
    page_obj.object_list = queries.with_totals(page_obj.object_list)
    for claim in page_obj.object_list:
        claim.staff_status = STAFF_LABELS[claim.status]
    return render(
        request,
        "members/payments/admin/queue.html",
        {
            "page_obj": page_obj,
            "status": status if status in ClaimStatus.values else "",
            "search": search,
            "statuses": list(STAFF_LABELS.items()),
            "can_export": perms.can_pay(request.user),
            "can_add": perms.can_approve(request.user),
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
            "tax_year_start": totals.tax_year(claim.happened_on)[0].year,
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


def export(request, kind="csv"):
    """Every payment line of the chosen status (approved by default), as CSV or Excel."""
    if refused := _refused(request, perms.can_pay):
        return refused
    status = request.GET.get("status", ClaimStatus.APPROVED)
    if status not in ClaimStatus.values:
        status = ClaimStatus.APPROVED
    if kind == "xlsx":
        return finance.xlsx_response(status)
    return finance.csv_response(status)


@require_GET
def figures(request):
    """Approved and paid money by programme strand and month, for one tax year."""
    if refused := _refused(request):
        return refused
    today = timezone.localdate()
    year = finance.year_of(request.GET.get("year"), today)
    rows = finance.by_strand_and_month(year)
    this_year = totals.tax_year(today)[0].year
    return render(
        request,
        "members/payments/admin/figures.html",
        {
            "rows": rows,
            "year": year,
            "label": totals.tax_year_label(date(year, 4, 6)),
            "years": [
                (y, totals.tax_year_label(date(y, 4, 6)))
                for y in range(this_year, this_year - 7, -1)
            ],
            "sum_total": sum((row["total"] for row in rows), totals.ZERO),
        },
    )


@require_GET
def statement(request, user_pk, year):
    """A person's statement for a tax year, for finance (the same page the person sees)."""
    if refused := _refused(request, perms.can_pay):
        return refused
    if not finance.plausible_year(year, timezone.localdate()):
        raise Http404("No such tax year")
    person = get_object_or_404(get_user_model(), pk=user_pk)
    return render(
        request,
        "members/payments/statement.html",
        {
            "person": person,
            "statement": finance.statement(person, year),
            "preference": preferences.preference_for(person),
            "for_finance": True,
        },
    )


@require_http_methods(["GET", "POST"])
def add(request):
    """Programme staff add a claim for involvement no feature records."""
    if refused := _refused(request, perms.can_approve):
        return refused
    form = AddClaimForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            claim = added.add_claim(
                form.person,
                by=request.user,
                involvement=data["involvement"],
                title=data["title"],
                happened_on=data["happened_on"],
                hours=data["hours"],
            )
        except ledger.PaymentError as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                f"Claim {claim.pk} added. The person is asked to check and send it.",
            )
            return redirect("payments_admin:claim", pk=claim.pk)
    return render(
        request,
        "members/payments/admin/add.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


admin_urls = [
    path("", queue, name="queue"),
    path("export.csv", export, name="export"),
    path("export.xlsx", export, {"kind": "xlsx"}, name="export_xlsx"),
    path("figures/", figures, name="figures"),
    path("add/", add, name="add"),
    path("statement/<int:user_pk>/<int:year>/", statement, name="statement"),
    path("<int:pk>/", detail, name="claim"),
    path("<int:pk>/<slug:step>/", move, name="move"),
]
