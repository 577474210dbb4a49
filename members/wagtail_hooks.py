"""Admin registrations and portal panels for the members app; features add theirs below."""


# --- Enquiries from leaders (issue 5): triage listing, dashboard panel, failed-mail outbox.
from django.urls import reverse as _reverse  # noqa: E402
from wagtail import hooks as _hooks  # noqa: E402
from wagtail.admin.menu import MenuItem as _MenuItem  # noqa: E402
from wagtail_modeladmin.options import modeladmin_register  # noqa: E402

from members.admin import enquiries as enquiry_admin  # noqa: E402
from members.permissions.enquiries import can_retry_emails  # noqa: E402

modeladmin_register(enquiry_admin.EnquiryAdmin)
_hooks.register("construct_homepage_panels", enquiry_admin.dashboard_panels)
_hooks.register("register_admin_urls", lambda: enquiry_admin.admin_urls)


class _OutboxMenuItem(_MenuItem):
    def is_shown(self, request):
        return can_retry_emails(request.user)


@_hooks.register("register_admin_menu_item")
def register_enquiry_outbox_menu_item():
    return _OutboxMenuItem(
        "Email outbox", _reverse("enquiry_outbox"), icon_name="warning", order=260
    )


# Accounts and portal (issue 4): staff admin for members, invitations and applications;
# the portal's own panels and the members app's data export sections register on import.
from django.urls import include, path  # noqa: E402
from wagtail import hooks  # noqa: E402
from wagtail_modeladmin.options import modeladmin_register  # noqa: E402

import members.exporters  # noqa: E402,F401
import members.views.portal  # noqa: E402,F401
from members.admin import accounts as accounts_admin  # noqa: E402

modeladmin_register(accounts_admin.MembersAdminGroup)
hooks.register("register_log_actions", accounts_admin.register_log_actions)


@hooks.register("register_admin_urls")
def accounts_admin_urls():
    return [
        path(
            "members-accounts/",
            include(
                (accounts_admin.admin_urls(), "members_accounts_admin"),
                namespace="members_accounts_admin",
            ),
        )
    ]


# --- Opportunities (issue 6): interests admin, portal panels, home page slot.
from wagtail import hooks as _opportunity_hooks  # noqa: E402
from wagtail_modeladmin.options import (  # noqa: E402
    modeladmin_register as _register_opportunity_admin,
)

from home.slots import HOME_SLOT_HOOK as _HOME_SLOT_HOOK  # noqa: E402
from members.admin import opportunities as opportunity_admin  # noqa: E402
from members.dashboard import PANEL_HOOK as _PANEL_HOOK  # noqa: E402
from members.views import opportunities as _opportunity_views  # noqa: E402

_register_opportunity_admin(opportunity_admin.ExpressionOfInterestAdmin)
_opportunity_hooks.register("register_admin_urls", lambda: opportunity_admin.admin_urls)
_opportunity_hooks.register(
    _PANEL_HOOK, _opportunity_views.matching_opportunities_panel
)
_opportunity_hooks.register(_PANEL_HOOK, _opportunity_views.my_interests_panel)
_opportunity_hooks.register(_HOME_SLOT_HOOK, _opportunity_views.closing_soon_slot)

from members.exporters import ERASE_HOOK as _ERASE_HOOK  # noqa: E402
from members.exporters import MEMBER_DATA_EXPORT_HOOK as _EXPORT_HOOK  # noqa: E402
from members.services import opportunities as _opportunity_services  # noqa: E402

_opportunity_hooks.register(
    _EXPORT_HOOK, _opportunity_services.export_interests_section
)
_opportunity_hooks.register(_EXPORT_HOOK, _opportunity_services.export_alerts_section)
_opportunity_hooks.register(_ERASE_HOOK, _opportunity_services.erase_member_data)
