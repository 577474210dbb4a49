"""Staff views for members, invitations and applications in the Wagtail admin.

Listings use wagtail-modeladmin; state changes (invite, resend, revoke, approve, decline) and
the member detail are small admin views, each checking its own permission. Special-category
fields show only with `members.view_special_category`, and each such view is audit-logged.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup

from home.admin_filters import RegionFilter
from members.accounts import admin_mfa, joining, mfa_enrolment
from members.accounts import services as services
from members.accounts.forms import (
    ApproveApplicationForm,
    DeclineApplicationForm,
    InviteForm,
)
from members.accounts.permissions import (
    can_decide_application,
    can_manage_invitations,
    can_view_members,
    can_view_special_category,
)
from members.models import Application, Invitation, MemberProfile
from website import audit
from website.admin_history import PermittedHistoryView
from website.admin_listing import ListingIndexView

INVITATION_NETWORK_CHOICES_HOOK = "register_invitation_network_choices"
# Apps above members add filters to the staff member list (networks: "By network").
MEMBER_LIST_FILTER_HOOK = "register_member_list_filter"


def network_choices():
    """(slug, name) pairs from apps that own networks; members never imports networks."""
    choices = []
    for provide in hooks.get_hooks(INVITATION_NETWORK_CHOICES_HOOK):
        choices.extend(provide())
    return choices


# Listings ----------------------------------------------------------------------------


class MemberListIndexView(ListingIndexView):
    """The staff member list; a CSV or Excel download of it is an audited export (DP-8)."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        audit.record_export(
            self.request.user, "members.members_exported", "members", queryset.count()
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)


class MemberProfileAdmin(ModelAdmin):
    """Programme staff's list of members; CSV export leaves out special-category fields."""

    model = MemberProfile
    history_view_class = PermittedHistoryView
    index_view_class = MemberListIndexView
    menu_label = "Members"
    menu_icon = "group"
    list_display = ("member_name", "member_email", "member_type", "region", "status")
    list_filter = (RegionFilter, "member_type", "user__is_active")
    search_fields = (
        "user__email",
        "user__first_name",
        "user__last_name",
        "user__preferred_name",
    )
    list_export = ("member_name", "member_email", "member_type", "region", "status")
    export_filename = "voices-members"
    inspect_view_enabled = False
    list_per_page = 50

    def get_list_filter(self, request):
        extra = tuple(provide() for provide in hooks.get_hooks(MEMBER_LIST_FILTER_HOOK))
        return (*self.list_filter, *extra)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "region")

    def member_name(self, obj):
        url = reverse("members_accounts_admin:member_detail", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.user.display_name)

    member_name.short_description = "Name"

    def member_email(self, obj):
        return obj.user.email

    member_email.short_description = "Email"

    def status(self, obj):
        return "Active" if obj.user.is_active else "Inactive"


class InvitationAdmin(ModelAdmin):
    model = Invitation
    history_view_class = PermittedHistoryView
    index_view_class = ListingIndexView
    menu_label = "Invitations"
    menu_icon = "mail"
    list_display = ("email", "member_type", "invitation_status", "sent_at", "actions")
    list_filter = ("member_type",)
    search_fields = ("email",)
    inspect_view_enabled = False
    list_per_page = 50

    def invitation_status(self, obj):
        return obj.get_status_display()

    invitation_status.short_description = "Status"

    def actions(self, obj):
        if obj.accepted_at:
            return ""
        links = [
            (
                reverse("members_accounts_admin:invitation_resend", args=[obj.pk]),
                "Resend",
            )
        ]
        if obj.is_open:
            links.append(
                (
                    reverse("members_accounts_admin:invitation_revoke", args=[obj.pk]),
                    "Revoke",
                )
            )
        return format_html_join(
            " ",
            '<a class="button button-small button-secondary" href="{}">{}</a>',
            links,
        )


class ApplicationAdmin(ModelAdmin):
    model = Application
    history_view_class = PermittedHistoryView
    index_view_class = ListingIndexView
    menu_label = "Applications"
    menu_icon = "form"
    list_display = (
        "name",
        "email",
        "member_type",
        "region",
        "status",
        "created_at",
        "decide",
    )
    list_filter = ("status", "member_type", RegionFilter)
    search_fields = ("name", "email", "organisation")
    inspect_view_enabled = True
    inspect_view_fields = (
        "name",
        "email",
        "member_type",
        "region",
        "organisation",
        "reason",
        "status",
        "created_at",
        "decided_at",
    )
    list_per_page = 50

    def decide(self, obj):
        if obj.status != Application.Status.PENDING:
            return ""
        url = reverse("members_accounts_admin:application_decide", args=[obj.pk])
        return format_html('<a class="button button-small" href="{}">Decide</a>', url)

    decide.short_description = "Action"


class InvitePeopleMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_invitations(request.user)


class MembersAdminGroup(ModelAdminGroup):
    menu_label = "Members"
    menu_icon = "group"
    menu_order = 250
    items = (MemberProfileAdmin, InvitationAdmin, ApplicationAdmin)

    def get_submenu_items(self):
        items = super().get_submenu_items()
        items.append(
            InvitePeopleMenuItem(
                "Invite people",
                reverse("members_accounts_admin:invite"),
                icon_name="plus",
                order=900,
            )
        )
        return items


# Actions -----------------------------------------------------------------------------


def invite(request):
    """Invite one person or a pasted list; existing accounts are skipped and listed."""
    if not can_manage_invitations(request.user):
        raise PermissionDenied
    form = InviteForm(
        request.POST if request.method == "POST" else None,
        network_choices=network_choices(),
    )
    if request.method == "POST" and form.is_valid():
        sent, skipped = [], []
        for email in form.cleaned_data["emails"]:
            if joining.account_exists(email):
                skipped.append(email)
                continue
            joining.invite_member(
                email,
                form.cleaned_data["member_type"],
                invited_by=request.user,
                network_slug=form.cleaned_data["network_slug"],
            )
            sent.append(email)
        if sent:
            messages.success(request, f"Invitations sent to {len(sent)} people.")
        if skipped:
            messages.warning(
                request,
                "These people already have accounts, so were not invited: "
                + ", ".join(skipped),
            )
        return redirect(InvitationAdmin().url_helper.index_url)
    return render(request, "members/admin/invite.html", {"form": form})


def invitation_resend(request, pk):
    if not can_manage_invitations(request.user):
        raise PermissionDenied
    invitation = get_object_or_404(Invitation, pk=pk, accepted_at__isnull=True)
    if request.method == "POST":
        joining.resend_invitation(invitation, by=request.user)
        messages.success(
            request, f"A new invitation link was sent to {invitation.email}."
        )
        return redirect(InvitationAdmin().url_helper.index_url)
    return render(
        request,
        "members/admin/confirm.html",
        {
            "title": "Resend invitation",
            "question": f"Send a new invitation link to {invitation.email}? "
            "The old link will stop working.",
            "button": "Resend",
        },
    )


def invitation_revoke(request, pk):
    if not can_manage_invitations(request.user):
        raise PermissionDenied
    invitation = get_object_or_404(Invitation, pk=pk, accepted_at__isnull=True)
    if request.method == "POST":
        joining.revoke_invitation(invitation, by=request.user)
        messages.success(request, f"The invitation for {invitation.email} was revoked.")
        return redirect(InvitationAdmin().url_helper.index_url)
    return render(
        request,
        "members/admin/confirm.html",
        {
            "title": "Revoke invitation",
            "question": f"Revoke the invitation for {invitation.email}? "
            "The link will stop working.",
            "button": "Revoke",
        },
    )


def _with_unchanged(data, application):
    """The posted corrections; a field not posted at all keeps what the applicant said."""
    data = data.copy()
    for name in ApproveApplicationForm.Meta.fields:
        if name not in data:
            value = getattr(application, f"{name}_id" if name == "region" else name)
            data[name] = "" if value is None else str(value)
    return data


def application_decide(request, pk):
    """Approve (sends the invitation) or decline (sends a kind email, with an optional note)."""
    application = get_object_or_404(Application, pk=pk)
    if not can_decide_application(request.user, application):
        raise PermissionDenied
    decision = request.POST.get("decision") if request.method == "POST" else None
    form = DeclineApplicationForm(request.POST if decision == "decline" else None)
    # The form edits a copy, so a refused correction leaves the page showing the original.
    approve_form = ApproveApplicationForm(
        _with_unchanged(request.POST, application) if decision == "approve" else None,
        instance=Application.objects.get(pk=application.pk),
    )
    if request.method == "POST" and application.status == Application.Status.PENDING:
        if decision == "approve" and approve_form.is_valid():
            joining.approve_application(
                application, by=request.user, details=approve_form.cleaned_data
            )
            messages.success(
                request, f"Approved. An invitation was sent to {application.email}."
            )
            return redirect(ApplicationAdmin().url_helper.index_url)
        if decision == "decline" and form.is_valid():
            joining.decline_application(
                application, by=request.user, note=form.cleaned_data["note"]
            )
            messages.success(
                request, f"Declined. {application.name} has been told kindly."
            )
            return redirect(ApplicationAdmin().url_helper.index_url)
    return render(
        request,
        "members/admin/application_decide.html",
        {"application": application, "form": form, "approve_form": approve_form},
    )


def member_detail(request, pk):
    """A member's details; private fields only with the dedicated permission, and logged."""
    if not can_view_members(request.user):
        raise PermissionDenied
    profile = get_object_or_404(
        MemberProfile.objects.select_related("user", "region"), pk=pk
    )
    show_private = can_view_special_category(request.user, profile)
    if show_private and profile.has_special_category_data:
        services.record_special_category_view(profile, request.user)
    return render(
        request,
        "members/admin/member_detail.html",
        {
            "profile": profile,
            "member": profile.user,
            "show_private": show_private,
            **mfa_enrolment.two_step_summary(request.user, profile.user),
        },
    )


def admin_urls():
    return [
        path("invite/", invite, name="invite"),
        path(
            "invitations/<int:pk>/resend/", invitation_resend, name="invitation_resend"
        ),
        path(
            "invitations/<int:pk>/revoke/", invitation_revoke, name="invitation_revoke"
        ),
        path(
            "applications/<int:pk>/decide/",
            application_decide,
            name="application_decide",
        ),
        path("members/<int:pk>/", member_detail, name="member_detail"),
        path(
            "members/<int:pk>/reset-two-step/",
            admin_mfa.member_reset_two_step,
            name="member_reset_two_step",
        ),
    ]


def register_log_actions(actions):
    actions.register_action(
        "members.invitation_resent", "Resend invitation", "Invitation resent"
    )
    actions.register_action(
        "members.invitation_revoked", "Revoke invitation", "Invitation revoked"
    )
    actions.register_action(
        "members.application_approved", "Approve application", "Application approved"
    )
    actions.register_action(
        "members.application_declined", "Decline application", "Application declined"
    )
    actions.register_action(
        "members.special_category_viewed",
        "View private information",
        "Private information viewed",
    )
    actions.register_action(
        "members.special_category_withdrawn",
        "Withdraw consent",
        "Private information consent withdrawn and deleted",
    )
