"""Staff screens for networks, listed with wagtail-modeladmin (the design card's choice),
using only options that map one-to-one onto a ModelViewSet for a later move.

Filters are on choice fields only: a foreign-key filter needs django.contrib.admin, which
is deliberately not installed; search by network title instead."""

from django.contrib import admin
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup

from networks.models import (
    CoChairUpdate,
    JoinRequest,
    NetworkCoChair,
    NetworkMembership,
    NetworkPage,
)
from website.admin_history import PermittedHistoryView
from website.admin_listing import ListingIndexView


class MemberNetworkFilter(admin.SimpleListFilter):
    """The "By network" filter on the staff member list (members/accounts/admin.py asks by hook):
    the members who belong to that network now."""

    title = "network"
    parameter_name = "network"

    def lookups(self, request, model_admin):
        return [
            (str(pk), title)
            for pk, title in NetworkPage.objects.order_by("title").values_list(
                "pk", "title"
            )
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            members = NetworkMembership.objects.filter(network_id=value)
            return queryset.filter(user_id__in=members.values("user_id"))
        return queryset


class NetworkCoChairAdmin(ModelAdmin):
    """Programme staff assign co-chairs and set their terms."""

    model = NetworkCoChair
    history_view_class = PermittedHistoryView
    index_view_class = ListingIndexView
    menu_label = "Co-chairs"
    menu_icon = "user"
    list_display = ("user", "network", "role_title", "term_start", "term_end")
    search_fields = (
        "user__email",
        "user__first_name",
        "user__last_name",
        "role_title",
        "network__title",
    )
    inspect_view_enabled = True


class NetworkMembershipAdmin(ModelAdmin):
    """Staff add members to invitation-only networks and see who belongs where."""

    model = NetworkMembership
    history_view_class = PermittedHistoryView
    index_view_class = ListingIndexView
    menu_label = "Memberships"
    menu_icon = "group"
    list_display = ("user", "network", "visibility", "joined_at")
    list_filter = ("visibility",)
    search_fields = (
        "user__email",
        "user__first_name",
        "user__last_name",
        "network__title",
    )


class JoinRequestAdmin(ModelAdmin):
    model = JoinRequest
    history_view_class = PermittedHistoryView
    index_view_class = ListingIndexView
    menu_label = "Join requests"
    menu_icon = "mail"
    list_display = ("user", "network", "status", "created_at", "decided_at")
    list_filter = ("status",)
    search_fields = ("user__email", "network__title")
    inspect_view_enabled = True


class CoChairUpdateAdmin(ModelAdmin):
    """Every co-chair update; moderation itself happens on the 'Updates to check' screen."""

    model = CoChairUpdate
    history_view_class = PermittedHistoryView
    index_view_class = ListingIndexView
    menu_label = "Co-chair updates"
    menu_icon = "doc-full"
    list_display = ("title", "network", "status", "visibility", "published_at")
    list_filter = ("status", "visibility")
    search_fields = ("title", "network__title")
    inspect_view_enabled = True


class NetworksAdminGroup(ModelAdminGroup):
    menu_label = "Networks"
    menu_icon = "group"
    menu_order = 300
    items = (
        NetworkCoChairAdmin,
        NetworkMembershipAdmin,
        JoinRequestAdmin,
        CoChairUpdateAdmin,
    )
