"""Networks in the admin (staff screens, moderation) and in other apps' hook registries:
the portal dashboard panel and the home page slot."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.options import modeladmin_register

import networks.enquiry_hooks  # noqa: F401 - registers the enquiries feature's hooks
from home.slots import HOME_SLOT_HOOK, Slot, cached_slot
from members.impact.registry import FIGURES as IMPACT_FIGURES
from members.impact.registry import HIGHLIGHTS as IMPACT_HIGHLIGHTS
from networks import audit, impact, permissions, reading, todos
from networks.admin import MemberNetworkFilter, NetworksAdminGroup
from networks.models import NetworkPage
from networks.services.dashboard import dashboard_summary
from networks.services.member_data import erase_member_data, export_member_data
from networks.services.membership import add_invited_member
from networks.views import moderation
from website import todo
from website.dashboard import PANEL_HOOK, Panel
from website.dataexport import erases

modeladmin_register(NetworksAdminGroup)
hooks.register("register_log_actions", audit.register_log_actions)
hooks.register(todo.PORTAL, todos.join_requests_waiting)
hooks.register(todo.PORTAL, todos.updates_returned)
hooks.register(todo.ADMIN, todos.updates_to_moderate)
hooks.register("register_member_list_filter", lambda: MemberNetworkFilter)
hooks.register(IMPACT_FIGURES, impact.network_figures)
hooks.register(IMPACT_HIGHLIGHTS, impact.you_said_highlights)


@hooks.register("register_admin_urls")
def moderation_urls():
    return [
        path(
            "networks/moderation/",
            moderation.moderation_list,
            name="networks_moderation",
        ),
        path(
            "networks/moderation/<int:pk>/",
            moderation.moderation_detail,
            name="networks_moderation_detail",
        ),
    ]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_moderate_updates(request.user)


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return ModerationMenuItem(
        "Updates to check",
        reverse("networks_moderation"),
        icon_name="tasks",
        order=310,
    )


@hooks.register(PANEL_HOOK)
def my_networks_panel(request):
    """My networks, latest updates, next meetings and, for co-chairs, their workspaces."""
    if not request.user.is_authenticated:
        return None
    summary = dashboard_summary(request)
    if summary is None:  # not in a network yet: point the way to join one
        summary = {
            "networks": [],
            "updates": [],
            "meetings": [],
            "cochair_networks": [],
        }
    return Panel(order=20, template="networks/panels/my_networks.html", context=summary)


@hooks.register(HOME_SLOT_HOOK)
def networks_slot(request, page):
    """The regional networks on the home page, the same for every visitor."""

    def build():
        networks = list(reading.network_listing(NetworkPage.objects.all())[:6])
        if not networks:
            return None
        # Every network sits directly under the one index page, whose address is
        # therefore the network's own minus its slug: no query for the index.
        first_url = networks[0].get_url(request)
        return Slot(
            template="networks/slots/networks.html",
            context={
                "index_url": first_url[: -len(networks[0].slug) - 1],
                "networks": networks,
            },
        )

    return cached_slot(request, "networks", build, order=30)


@hooks.register("register_invitation_network_choices")
def invitation_network_choices():
    """Staff inviting someone may put them straight into a live network."""
    return list(
        NetworkPage.objects.live().order_by("title").values_list("slug", "title")
    )


@hooks.register("register_invitation_accepted")
def join_invited_network(invitation, user):
    """Staff can invite someone straight into a network (how invitation-only ones grow)."""
    if invitation.network_slug:
        add_invited_member(user, invitation.network_slug)


@hooks.register("register_member_data_export")
def export_network_data(user):
    from website.dataexport import ExportSection

    return ExportSection(
        key="networks",
        title="Regional networks",
        records=export_member_data(user),
        order=60,
        description="Networks you belong to or co-chair, requests to join, updates you "
        "wrote. Meetings you booked are with your other event bookings.",
    )


@hooks.register("register_member_data_erase")
@erases("networks.NetworkMembership", "networks.JoinRequest")
def erase_network_data(user):
    erase_member_data(user)
