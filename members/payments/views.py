"""The person's payments in the portal: their ledger and totals, their preference, one
claim (add expenses with receipts, send it), and their own receipts."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from home.pagination import get_page
from members.payments import finance, ledger, preferences, queries, totals
from members.payments import permissions as perms
from members.payments.forms import ExpenseForm, PreferenceForm, SendForm
from members.payments.models import ClaimLine

PORTAL_CRUMBS = [("Home", "/"), ("My portal", "/portal/")]
PAYMENT_CRUMBS = [*PORTAL_CRUMBS, ("My payments", "/portal/payments/")]
CLAIMS_PER_PAGE = 20


def _advice_url():
    return getattr(settings, "BENEFITS_ADVICE_URL", "")


@login_required
def my_payments(request):
    """To send, sent and paid claims, the tax year's totals, and the preference."""
    preference = preferences.preference_for(request.user)
    today = timezone.localdate()
    page_obj = get_page(
        queries.ledger_of(request.user), CLAIMS_PER_PAGE, request.GET.get("page")
    )
    return render(
        request,
        "members/payments/my_payments.html",
        {
            "preference": preference,
            "chosen": preference.pk is not None,
            "to_send": queries.to_send(request.user),
            "claims": queries.with_totals(page_obj.object_list),
            "page_obj": page_obj,
            "totals": totals.totals(request.user, today),
            "tax_year": totals.tax_year_label(today),
            "tax_year_start": totals.tax_year(today)[0].year,
            "advice_url": _advice_url(),
            "rates": queries.current_rates(today),
            "portal_crumbs": PORTAL_CRUMBS,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def my_preference(request):
    preference = preferences.preference_for(request.user)
    form = PreferenceForm(
        request.POST if request.method == "POST" else None, instance=preference
    )
    if request.method == "POST" and form.is_valid():
        values = {
            name: form.cleaned_data[name]
            for name in ("choice", "on_benefits", "weekly_limit", "year_limit")
        }
        values["employment"] = form.cleaned_data.get("employment") or ""
        preferences.save(
            request.user,
            by=request.user,
            read_information=form.cleaned_data["read_information"],
            **values,
        )
        messages.success(request, "Your payment preference is saved.")
        return redirect("members:my_payments")
    return render(
        request,
        "members/payments/preference.html",
        {
            "form": form,
            "advice_url": _advice_url(),
            "rates": queries.current_rates(timezone.localdate()),
            "crumbs": PAYMENT_CRUMBS,
        },
        status=400 if form.errors else 200,
    )


def _own_claim(request, pk):
    claim = get_object_or_404(queries.claims_of(request.user), pk=pk)
    return claim


@login_required
@require_http_methods(["GET", "POST"])
def my_claim(request, pk):
    """One claim: its lines, adding an expense, and sending it."""
    claim = _own_claim(request, pk)
    form = ExpenseForm()
    if request.method == "POST":
        form = ExpenseForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                ledger.add_expense(
                    claim,
                    by=request.user,
                    category=form.cleaned_data["category"],
                    amount=form.cleaned_data["amount"],
                    description=form.cleaned_data["description"],
                    receipt=form.cleaned_data["receipt"],
                )
            except ledger.PaymentError as refusal:
                form.add_error("amount", str(refusal))
            else:
                messages.success(request, "Expense added.")
                return redirect("members:my_claim", pk=claim.pk)
    return _claim_page(
        request, claim, form, SendForm(), status=400 if form.errors else 200
    )


def _claim_page(request, claim, expense_form, send_form, status=200):
    lines = list(claim.lines.select_related("category"))
    preference = ledger.preference_of(request.user)
    return render(
        request,
        "members/payments/claim.html",
        {
            "claim": claim,
            "lines": lines,
            "total": sum((line.amount for line in lines), totals.ZERO),
            "editable": claim.status in ledger.EDITABLE,
            "form": expense_form,
            "send_form": send_form,
            "warnings": totals.limit_warnings(claim, preference)
            if claim.status in ledger.EDITABLE
            else [],
            "has_fee": any(line.kind == ClaimLine.Kind.FEE for line in lines),
            "advice_url": _advice_url(),
            "history": queries.history(claim),
            "crumbs": PAYMENT_CRUMBS,
        },
        status=status,
    )


@login_required
@require_POST
def send_claim(request, pk):
    claim = _own_claim(request, pk)
    form = SendForm(request.POST)
    if not form.is_valid():
        return _claim_page(request, claim, ExpenseForm(), form, status=400)
    try:
        ledger.submit(claim, by=request.user, take_fee=form.cleaned_data["take_fee"])
    except ledger.PaymentError as refusal:
        messages.error(request, str(refusal))
        return redirect("members:my_claim", pk=claim.pk)
    messages.success(
        request, "Claim sent. Programme staff will check it, then finance will pay it."
    )
    return redirect("members:my_payments")


@login_required
@require_POST
def remove_line(request, pk, line_pk):
    claim = _own_claim(request, pk)
    line = get_object_or_404(ClaimLine, pk=line_pk, claim=claim)
    try:
        ledger.remove_line(line, by=request.user)
    except ledger.PaymentError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            "Fee left out of this claim."
            if line.kind == ClaimLine.Kind.FEE
            else "Expense removed.",
        )
    return redirect("members:my_claim", pk=claim.pk)


@login_required
def receipt(request, line_pk):
    """A receipt, for the person who claimed and for staff who handle claims."""
    line = get_object_or_404(ClaimLine.objects.select_related("claim"), pk=line_pk)
    if not line.receipt or not (
        perms.owns(request.user, line.claim) or perms.sees_ledger(request.user)
    ):
        raise Http404("No such receipt")
    extension = line.receipt.name.rsplit(".", 1)[-1].lower()
    response = FileResponse(
        line.receipt.open("rb"),
        as_attachment=extension != "pdf",
        filename=f"receipt-{line.claim_id}-{line.pk}.{extension}",
        content_type={"pdf": "application/pdf", "png": "image/png"}.get(
            extension, "image/jpeg"
        ),
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def my_statement(request, year):
    """The person's statement for one tax year, to print or save as a PDF."""
    if not finance.plausible_year(year, timezone.localdate()):
        raise Http404("No such tax year")
    return render(
        request,
        "members/payments/statement.html",
        {
            "person": request.user,
            "statement": finance.statement(request.user, year),
            "preference": preferences.preference_for(request.user),
            "portal_crumbs": PAYMENT_CRUMBS,
        },
    )
