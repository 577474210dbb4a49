"""Staff review of expressions of interest in the Wagtail admin (wagtail-modeladmin).

Only options with a one-to-one ModelViewSet equivalent are used. Every view checks
`members.opportunities.permissions`; editors and members get 403 (AC-6). Access needs are
special-category data and appear only for holders of `view_interest_access_needs`.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin import SimpleListFilter
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import InspectView

from home.models.snippets import Region
from members.opportunities import exports, involvement, services
from members.opportunities import permissions as perms
from members.opportunities.choices import InterestStatus
from members.opportunities.involvement import HoursForm
from members.opportunities.models import ExpressionOfInterest
from members.opportunities.pages import OpportunityPage
from members.opportunities.workflow import staff_targets
from website import activity, audit
from website.admin_history import PermittedHistoryView
from website.admin_listing import ListingIndexView


class OpportunityFilter(SimpleListFilter):
    """Filter by opportunity (Django's related-field filter needs django.contrib.admin)."""

    title = "opportunity"
    parameter_name = "opportunity"

    def lookups(self, request, model_admin):
        return [
            (str(pk), title)
            for pk, title in OpportunityPage.objects.order_by("-closes_at").values_list(
                "pk", "title"
            )[:100]
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(opportunity_id=int(value))
        return queryset


class RegionFilter(SimpleListFilter):
    """Filter by the member's region."""

    title = "member's region"
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return [(r.slug, r.name) for r in Region.objects.all()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(member__profile__region__slug=self.value())
        return queryset


class InterestPermissionHelper(PermissionHelper):
    """Staff list, inspect and review; nobody creates, edits wholesale or deletes here."""

    def user_can_list(self, user):
        return perms.can_review_interests(user)

    def user_can_inspect_obj(self, user, obj):
        return perms.can_review_interests(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class InterestIndexView(ListingIndexView):
    """The listing; modeladmin's own export is off, ours neutralises formula cells."""

    def dispatch(self, request, *args, **kwargs):
        if request.GET.get(self.EXPORT_VAR):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        opportunity_id = self.request.GET.get("opportunity", "")
        context["export_url"] = reverse("opportunity_interests_export") + (
            f"?opportunity={opportunity_id}" if opportunity_id.isdigit() else ""
        )
        context["bulk_url"] = reverse("opportunity_interests_bulk") + (
            f"?opportunity={opportunity_id}" if opportunity_id.isdigit() else ""
        )
        context["can_export"] = perms.can_export_interests(self.request.user)
        return context


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Move to")

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices


class NotesForm(forms.Form):
    internal_notes = forms.CharField(
        label="Internal notes",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Only programme staff see these notes. Do not record health details here.",
        error_messages={"max_length": "Notes must be 5,000 characters or fewer"},
    )


def staff_choices(interest):
    labels = dict(InterestStatus.choices)
    return [(value, labels[value]) for value in staff_targets(interest)]


class InterestInspectView(InspectView):
    """One interest: the member's answers, status workflow, notes and history."""

    def get_context_data(self, **kwargs):
        interest = self.instance
        user = self.request.user
        context = {
            "interest": interest,
            "history": activity.history(interest),
            "show_access_needs": perms.can_see_interest_access_needs(user),
            "status_form": kwargs.pop("status_form", None)
            or StatusForm(choices=staff_choices(interest)),
            "notes_form": kwargs.pop("notes_form", None)
            or NotesForm(initial={"internal_notes": interest.internal_notes}),
            "has_status_choices": bool(staff_choices(interest)),
            "hours_form": kwargs.pop("hours_form", None)
            or HoursForm(initial={"happened_on": timezone.localdate().isoformat()}),
            "may_confirm_hours": interest.status == InterestStatus.ACCEPTED,
        }
        context.update(kwargs)
        if context["show_access_needs"] and interest.access_needs:
            audit.record(interest, "members.special_category_viewed", user=user)
        return super().get_context_data(**context)

    def get_fields_dict(self):
        return []

    def post(self, request, *args, **kwargs):
        interest = self.instance
        if not perms.can_review_interests(request.user):
            raise PermissionDenied
        action = request.POST.get("action")
        if action == "status":
            form = StatusForm(request.POST, choices=staff_choices(interest))
            if form.is_valid():
                try:
                    services.change_status(
                        interest, form.cleaned_data["status"], request.user
                    )
                except services.InvalidTransition as exc:
                    messages.error(request, str(exc))
                else:
                    messages.success(
                        request, "Status changed. The member has been emailed."
                    )
                return redirect(request.path)
            return self.render_to_response(self.get_context_data(status_form=form))
        if action == "hours":
            return self._confirm_hours(request, interest)
        if action == "notes":
            form = NotesForm(request.POST)
            if form.is_valid():
                interest.internal_notes = form.cleaned_data["internal_notes"]
                interest.save(update_fields=["internal_notes", "updated_at"])
                messages.success(request, "Notes saved.")
                return redirect(request.path)
            return self.render_to_response(self.get_context_data(notes_form=form))
        return redirect(request.path)

    def _confirm_hours(self, request, interest):
        form = HoursForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(hours_form=form))
        try:
            claim = involvement.confirm_hours(
                interest, by=request.user, **form.cleaned_data
            )
        except involvement.HoursError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                "Time confirmed. "
                + (
                    "The member is asked to check the claim it opened and send it."
                    if claim
                    else "The member chose not to be paid, so no claim was opened."
                ),
            )
        return redirect(request.path)


class ExpressionOfInterestAdmin(ModelAdmin):
    """Expressions of interest from members, for programme staff to review."""

    model = ExpressionOfInterest
    history_view_class = PermittedHistoryView
    menu_label = "Interests"
    menu_icon = "user"
    menu_order = 255
    add_to_settings_menu = False
    permission_helper_class = InterestPermissionHelper
    index_view_class = InterestIndexView
    index_template_name = "members/opportunities/admin/index.html"
    inspect_view_class = InterestInspectView
    inspect_view_enabled = True
    inspect_template_name = "members/opportunities/admin/inspect.html"
    list_display = ("created_at", "member", "opportunity", "status", "region_name")
    list_filter = ("status", OpportunityFilter, RegionFilter, "created_at")
    search_fields = ("member__email", "member__first_name", "member__last_name")
    list_select_related = ("member", "opportunity")
    list_per_page = 50

    def region_name(self, obj):
        profile = getattr(obj.member, "profile", None)
        region = getattr(profile, "region", None)
        return region.name if region else ""

    region_name.short_description = "Member's region"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("member__profile__region", "opportunity")
        )


def export_view(request):
    """CSV of interests (one opportunity's with ?opportunity=); cells are formula-safe."""
    if not perms.can_export_interests(request.user):
        raise PermissionDenied
    interests = ExpressionOfInterest.objects.select_related(
        "member", "opportunity"
    ).order_by("opportunity__title", "created_at")
    opportunity_id = request.GET.get("opportunity", "")
    name = "interests"
    if opportunity_id.isdigit():
        interests = interests.filter(opportunity_id=int(opportunity_id))
        name = f"interests-opportunity-{int(opportunity_id)}"
    include_access_needs = perms.can_see_interest_access_needs(request.user)
    body = exports.export_interests_csv(
        interests, include_access_needs=include_access_needs
    )
    audit.record_export(
        request.user,
        "members.special_category_exported"
        if include_access_needs
        else "members.interests_exported",
        "expressions of interest",
        interests.count(),
    )
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
    return response


def bulk_view(request):
    """Tick several interests and move them to one status; each member gets their email."""
    if not perms.can_review_interests(request.user):
        raise PermissionDenied
    interests = ExpressionOfInterest.objects.select_related(
        "member", "opportunity"
    ).order_by("opportunity__title", "created_at")
    opportunity_id = request.GET.get("opportunity", "")
    if opportunity_id.isdigit():
        interests = interests.filter(opportunity_id=int(opportunity_id))
    interests = interests.exclude(
        status__in=[InterestStatus.WITHDRAWN, InterestStatus.DECLINED]
    )[:200]
    return TemplateResponse(
        request,
        "members/opportunities/admin/bulk.html",
        {
            "interests": interests,
            "statuses": [
                (v, label)
                for v, label in InterestStatus.choices
                if v
                in {
                    InterestStatus.SUBMITTED,
                    InterestStatus.SHORTLISTED,
                    InterestStatus.OFFERED,
                    InterestStatus.NOT_SELECTED,
                }
            ],
            "index_url": reverse("members_expressionofinterest_modeladmin_index"),
        },
    )


@require_POST
def bulk_apply_view(request):
    if not perms.can_review_interests(request.user):
        raise PermissionDenied
    status = request.POST.get("status", "")
    ids = [int(i) for i in request.POST.getlist("interest") if i.isdigit()]
    if status not in InterestStatus.values or not ids:
        messages.error(request, "Choose at least one interest and a status.")
        return redirect("opportunity_interests_bulk")
    changed, skipped = services.bulk_change_status(
        ExpressionOfInterest.objects.filter(pk__in=ids[:200]), status, request.user
    )
    text = f"{changed} interest(s) changed; each member has been emailed."
    if skipped:
        text += f" {skipped} could not move to that status from where they were."
    messages.success(request, text)
    return redirect("opportunity_interests_bulk")


admin_urls = [
    path(
        "opportunity-interests/export/",
        export_view,
        name="opportunity_interests_export",
    ),
    path("opportunity-interests/bulk/", bulk_view, name="opportunity_interests_bulk"),
    path(
        "opportunity-interests/bulk/apply/",
        bulk_apply_view,
        name="opportunity_interests_bulk_apply",
    ),
]
