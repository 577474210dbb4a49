"""Staff views for pairings in the Wagtail admin: propose a partner from an enquiry, run a
pairing's lifecycle, decide expense claims, and read programme figures.

Every view checks members/permissions/pairings.py and answers 403 otherwise; the "Programme
staff" group holds these permissions (migration 0011), editors and members do not.
"""

import csv
from math import ceil
from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from home import pagination
from home.pagination import get_page
from members.coaching import figures as figures
from members.coaching import matching
from members.coaching import permissions as perms
from members.coaching import services as services
from members.coaching.forms import ProposePartnerForm, StaffStepForm
from members.coaching.models import (
    DEFAULT_EXPENSES_LIMIT,
    DEFAULT_SESSION_PAYMENT,
    FINISHED,
    Pairing,
    PairingPartner,
)
from members.models import Enquiry
from members.payments import sources
from website import activity
from website.spreadsheets import safe_cell as neutralise_formula
from website.views import forbidden

S = Pairing.Status
PER_PAGE = 25

# Staff steps offered on the pairing page, by the status they start from.
STAFF_STEPS = {
    "invite": ("Invite the partner", (S.PROPOSED,)),
    "introduce": ("Introduce partner and leader", (S.PARTNER_ACCEPTED,)),
    **{
        action: (rule.label, rule.sources)
        for action, rule in services.TRANSITIONS.items()
    },
}


def waiting_enquiries():
    """Coaching and mentoring enquiries with no pairing under way."""
    under_way = Pairing.objects.filter(enquiry=OuterRef("pk")).exclude(
        status__in=FINISHED
    )
    return (
        Enquiry.objects.filter(
            enquiry_type__in=("coaching", "mentoring"),
            status__in=(Enquiry.Status.NEW, Enquiry.Status.IN_PROGRESS),
            anonymised_at__isnull=True,
        )
        .exclude(Exists(under_way))
        .order_by("created_at")
    )


def pairing_index(request):
    """All pairings with a status filter, and the enquiries still waiting for a partner."""
    if not perms.can_view_pairings_admin(request.user):
        return forbidden(request)
    status = request.GET.get("status", "")
    pairings = Pairing.objects.select_related("enquiry", "leader").prefetch_related(
        Prefetch(
            "partners",
            queryset=PairingPartner.objects.select_related("partner"),
            to_attr="partner_rows",
        )
    )
    if status in S.values:
        pairings = pairings.filter(status=status)
    page = get_page(pairings, PER_PAGE, request.GET.get("page"))
    return TemplateResponse(
        request,
        "members/pairings/admin/index.html",
        {
            "page_obj": page,
            "statuses": S.choices,
            "status": status,
            "query": urlencode({"status": status}) if status else "",
            "waiting": waiting_enquiries()[:20],
            "can_manage": perms.can_manage_pairings(request.user),
        },
    )


def propose(request, enquiry_pk):
    """Ranked partners for an enquiry, with reasons; staff choose one and write the focus."""
    if not perms.can_manage_pairings(request.user):
        return forbidden(request)
    enquiry = get_object_or_404(Enquiry.objects.select_related("region"), pk=enquiry_pk)
    declined = Pairing.objects.filter(
        enquiry=enquiry, status=S.PARTNER_DECLINED
    ).first()
    initial = {
        "focus": declined.focus if declined else enquiry.message,
        "session_payment": declined.session_payment
        if declined
        else DEFAULT_SESSION_PAYMENT,
        "expenses_limit": declined.expenses_limit
        if declined
        else DEFAULT_EXPENSES_LIMIT,
    }
    form = ProposePartnerForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        partner = form.cleaned_data["partner"]
        reasons = request.POST.get(f"reasons-{partner.pk}", "")[:500]
        try:
            pairing = services.propose_partner(
                enquiry,
                partner,
                by=request.user,
                focus=form.cleaned_data["focus"],
                session_payment=form.cleaned_data["session_payment"],
                expenses_limit=form.cleaned_data["expenses_limit"],
                reasons=reasons,
            )
        except services.PairingError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                f"{partner} proposed for {pairing.reference}. Invite them when ready.",
            )
            return redirect("pairings_admin:detail", pk=pairing.pk)
    total = matching.partner_queryset(enquiry).count()
    last_page = max(ceil(total / PER_PAGE), 1)
    page_number = min(pagination.page_number(request.GET.get("page")), last_page)
    suggestions = matching.rank_partners(
        enquiry, offset=(page_number - 1) * PER_PAGE, limit=PER_PAGE
    )
    return TemplateResponse(
        request,
        "members/pairings/admin/propose.html",
        {
            "enquiry": enquiry,
            "form": form,
            "suggestions": suggestions,
            "declined": declined,
            "page_number": page_number,
            "has_next": page_number * PER_PAGE < total,
            "total": total,
            "enquiry_url": reverse(
                "members_enquiry_modeladmin_inspect", args=[enquiry.pk]
            ),
        },
    )


def detail(request, pk):
    """One pairing: what the partner was shown, partners asked, history, sessions, money."""
    if not perms.can_view_pairings_admin(request.user):
        return forbidden(request)
    pairing = get_object_or_404(
        Pairing.objects.select_related("enquiry", "leader", "created_by"), pk=pk
    )
    can_manage = perms.can_manage_pairings(request.user)
    if request.method == "POST":
        if not can_manage:
            return forbidden(request)
        return _staff_step(request, pairing)
    steps = [
        (action, label)
        for action, (label, sources) in STAFF_STEPS.items()
        if pairing.status in sources
    ]
    return TemplateResponse(
        request,
        "members/pairings/admin/detail.html",
        {
            "pairing": pairing,
            "partners": pairing.partners.select_related("partner"),
            "history": activity.history(pairing),
            "sessions": pairing.sessions.select_related("recorded_by"),
            "claims": list(
                sources.claims_for_sessions(
                    [session.pk for session in pairing.sessions.all()]
                ).values()
            ),
            "reflections": pairing.reflections.all(),
            "steps": steps if can_manage else [],
            "form": StaffStepForm(),
            "can_propose_another": can_manage
            and pairing.status == S.PARTNER_DECLINED
            and pairing.enquiry_id,
        },
    )


def _staff_step(request, pairing):
    action = request.POST.get("action", "")
    form = StaffStepForm(request.POST)
    if action not in STAFF_STEPS or not form.is_valid():
        messages.error(request, "Choose a step, and keep the note short.")
        return redirect("pairings_admin:detail", pk=pairing.pk)
    note = form.cleaned_data["note"]
    try:
        if action == "invite":
            services.invite_partner(pairing, by=request.user, note=note)
        elif action == "introduce":
            services.introduce_pairing(pairing, by=request.user, note=note)
        else:
            services.change_status(pairing, action, by=request.user, note=note)
    except services.PairingError as error:
        messages.error(request, str(error))
    else:
        pairing.refresh_from_db()
        messages.success(
            request,
            f"{pairing.reference} is now {pairing.get_status_display().lower()}.",
        )
    return redirect("pairings_admin:detail", pk=pairing.pk)


# Programme figures -----------------------------------------------------------------------

FIGURE_COLUMNS = [
    ("label", "Group"),
    ("received", "Enquiries received"),
    ("matched", "Matched"),
    ("running", "Introduced or active"),
    ("completed", "Completed"),
    ("median_days", "Median days from enquiry to introduction"),
]


def programme_figures(request):
    """Counts and medians by month, region and organisation type, with an SVG chart."""
    if not perms.can_view_programme_figures(request.user):
        return forbidden(request)
    tables = [
        {"key": key, "title": title, "rows": figures.figures_by(key)}
        for key, title in figures.DIMENSIONS.items()
    ]
    return TemplateResponse(
        request,
        "members/pairings/admin/figures.html",
        {
            "totals": figures.totals(),
            "tables": tables,
            "columns": FIGURE_COLUMNS,
            "chart": figures.month_chart(tables[0]["rows"]),
            "recommend": figures.recommend_counts(),
            "quotes": figures.consented_quotes(),
        },
    )


def programme_figures_csv(request):
    if not perms.can_view_programme_figures(request.user):
        return forbidden(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="programme-figures.csv"'
    writer = csv.writer(response)
    writer.writerow(["Grouping"] + [title for _, title in FIGURE_COLUMNS])
    for key, title in [("all", "Total"), *figures.DIMENSIONS.items()]:
        for row in figures.figures_by(key):
            writer.writerow(
                [title]
                + [
                    neutralise_formula("" if row[name] is None else str(row[name]))
                    for name, _ in FIGURE_COLUMNS
                ]
            )
    return response


admin_urls = [
    path("", pairing_index, name="index"),
    path("propose/<int:enquiry_pk>/", propose, name="propose"),
    path("<int:pk>/", detail, name="detail"),
    path("figures/", programme_figures, name="figures"),
    path("figures.csv", programme_figures_csv, name="figures_csv"),
]
