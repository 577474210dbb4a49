"""Staff triage of enquiries in the Wagtail admin (wagtail-modeladmin), plus the outbox view.

Only options with a one-to-one ModelViewSet equivalent are used, so a later move is a rename.
Every view checks `members.enquiries.permissions`; editors and members get 403 (AC-6).
"""

from datetime import datetime, time, timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from post_office.models import Email
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import (
    CreateView,
    DeleteView,
    EditView,
    InspectView,
)

from home.admin_filters import RegionFilter
from members.enquiries import services as services
from members.enquiries.models import Enquiry
from members.enquiries.permissions import (
    can_change_enquiry,
    can_export_enquiries,
    can_view_enquiries,
)
from website import activity, audit
from website.admin_history import PermittedHistoryView
from website.admin_listing import ListingIndexView
from website.outbox_admin import can_manage_outbox, undelivered
from website.views import forbidden
from website.workflow import TransitionNotAllowed


class EnquiryPermissionHelper(PermissionHelper):
    """Staff view and triage; nobody creates, edits wholesale or deletes through the admin."""

    def user_can_list(self, user):
        return can_view_enquiries(user)

    def user_can_inspect_obj(self, user, obj):
        return can_view_enquiries(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class ForbiddenMixin:
    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)


class EnquiryIndexView(ForbiddenMixin, ListingIndexView):
    """The listing; exports need their own permission and neutralise formula cells."""

    def dispatch(self, request, *args, **kwargs):
        if request.GET.get(self.EXPORT_VAR) and not can_export_enquiries(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        audit.record_export(
            self.request.user,
            "members.enquiries_exported",
            "enquiries",
            queryset.count(),
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Move to")

    def __init__(self, *args, enquiry, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Enquiry.Status.choices)
        self.fields["status"].choices = [
            (value, labels[value]) for value in services.next_statuses(enquiry)
        ]


class AssigneeForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label="Assigned to",
        queryset=None,
        required=False,
        empty_label="Nobody",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = services.staff_users()
        self.fields["assignee"].label_from_instance = lambda user: (
            user.get_full_name() or user.email
        )


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Add an internal note",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Only programme staff see notes. Do not record health details here.",
        error_messages={
            "required": "Enter the note",
            "max_length": "Notes must be 5,000 characters or fewer",
        },
    )


class EnquiryInspectView(ForbiddenMixin, InspectView):
    """The detail page: the enquiry, its status workflow, assignee, notes and history."""

    def get_context_data(self, **kwargs):
        enquiry = self.instance
        user = self.request.user
        can_change = can_change_enquiry(user, enquiry)
        context = {
            "enquiry": enquiry,
            "can_change": can_change,
            "notes": enquiry.notes.select_related("author"),
            "events": activity.history(enquiry),
            "extra_sections": services.extra_sections(enquiry),
            "emails": Email.objects.filter(subject__contains=enquiry.reference).only(
                "to", "subject", "status", "last_updated", "number_of_retries"
            ),
            "can_retry": can_manage_outbox(user),
        }
        if can_change:
            context.update(
                status_form=kwargs.pop("status_form", None)
                or StatusForm(enquiry=enquiry),
                assignee_form=kwargs.pop("assignee_form", None)
                or AssigneeForm(initial={"assignee": enquiry.assignee_id}),
                note_form=kwargs.pop("note_form", None) or NoteForm(),
            )
        context.update(kwargs)
        if enquiry.access_needs:  # special-category data is on the page (DP-8)
            audit.record(enquiry, "members.special_category_viewed", user=user)
        return super().get_context_data(**context)

    def get_fields_dict(self):
        return []  # the template lays the enquiry out itself

    def post(self, request, *args, **kwargs):
        enquiry = self.instance
        if not can_change_enquiry(request.user, enquiry):
            return forbidden(request)
        action = request.POST.get("action")
        if action == "status":
            form = StatusForm(request.POST, enquiry=enquiry)
            if form.is_valid():
                try:
                    services.change_status(
                        enquiry, form.cleaned_data["status"], request.user
                    )
                except TransitionNotAllowed as refused:
                    messages.error(request, str(refused))
                    return redirect(request.path)
                messages.success(
                    request,
                    f"{enquiry.reference} is now {enquiry.get_status_display()}.",
                )
                return redirect(request.path)
            return self.render_to_response(self.get_context_data(status_form=form))
        if action == "assign":
            form = AssigneeForm(request.POST)
            if form.is_valid():
                services.assign_enquiry(
                    enquiry, form.cleaned_data["assignee"], request.user
                )
                messages.success(request, f"{enquiry.reference} assignee saved.")
                return redirect(request.path)
            return self.render_to_response(self.get_context_data(assignee_form=form))
        if action == "note":
            form = NoteForm(request.POST)
            if form.is_valid():
                services.add_note(enquiry, form.cleaned_data["text"], request.user)
                messages.success(request, "Note added.")
                return redirect(request.path + "#notes")
            return self.render_to_response(self.get_context_data(note_form=form))
        return redirect(request.path)


class EnquiryCreateView(ForbiddenMixin, CreateView):
    pass


class EnquiryEditView(ForbiddenMixin, EditView):
    pass


class EnquiryDeleteView(ForbiddenMixin, DeleteView):
    pass


class EnquiryAdmin(ModelAdmin):
    """Enquiries from leaders, for programme staff to triage."""

    model = Enquiry
    history_view_class = PermittedHistoryView
    menu_label = "Enquiries"
    menu_icon = "mail"
    menu_order = 250
    add_to_settings_menu = False
    permission_helper_class = EnquiryPermissionHelper
    index_view_class = EnquiryIndexView
    inspect_view_class = EnquiryInspectView
    create_view_class = EnquiryCreateView
    edit_view_class = EnquiryEditView
    delete_view_class = EnquiryDeleteView
    inspect_view_enabled = True
    inspect_template_name = "members/enquiries/admin/inspect.html"
    list_display = (
        "reference",
        "received",
        "full_name",
        "organisation",
        "enquiry_type",
        "region",
        "status",
        "assignee",
    )
    list_filter = (
        "status",
        "enquiry_type",
        RegionFilter,
        "organisation_type",
        "created_at",
    )
    search_fields = ("reference", "full_name", "email", "organisation")
    list_select_related = ("assignee",)
    list_per_page = 50
    list_export = (
        "reference",
        "created_at",
        "status",
        "full_name",
        "email",
        "phone",
        "job_title",
        "organisation",
        "organisation_type",
        "region_name",
        "enquiry_type",
        "network_name",
        "message",
        "heard_about",
        "assignee",
    )
    export_filename = "enquiries"

    @admin.display(description="Received", ordering="created_at")
    def received(self, obj):
        return obj.created_at

    @admin.display(description="Region", ordering="region_name")
    def region(self, obj):
        return obj.region_name or "–"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        # Suspected spam stays out of the way unless staff filter for it.
        if request.GET.get("status__exact") != Enquiry.Status.SPAM:
            queryset = queryset.exclude(status=Enquiry.Status.SPAM)
        return queryset


class NewEnquiriesPanel(Component):
    """Wagtail dashboard panel: how many enquiries arrived this week, for staff only."""

    name = "new_enquiries"
    order = 90
    template_name = "members/enquiries/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        week_start = timezone.localdate() - timedelta(
            days=timezone.localdate().weekday()
        )
        since = timezone.make_aware(datetime.combine(week_start, time.min))
        recent = Enquiry.objects.filter(created_at__gte=since).exclude(
            status=Enquiry.Status.SPAM
        )
        return {
            "new_count": recent.filter(status=Enquiry.Status.NEW).count(),
            "week_count": recent.count(),
            "failed_count": undelivered().count()
            if can_manage_outbox(self.request.user)
            else None,
            "index_url": reverse("members_enquiry_modeladmin_index"),
            "outbox_url": reverse("outbox"),
        }


def dashboard_panels(request, panels):
    if can_view_enquiries(request.user):
        panels.append(NewEnquiriesPanel(request))


admin_urls = []
