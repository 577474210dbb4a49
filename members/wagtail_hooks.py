"""Admin registrations and portal panels for the members app; features add theirs below."""

# --- Enquiries from leaders (issue 5): triage listing, dashboard panel.
from django.templatetags.static import static as _static  # noqa: E402
from django.utils.html import format_html as _format_html  # noqa: E402
from wagtail import hooks as _hooks  # noqa: E402
from wagtail_modeladmin.options import modeladmin_register  # noqa: E402

from members.enquiries import admin as enquiry_admin  # noqa: E402
from members.enquiries import services as _enquiry_services  # noqa: E402
from website.dataexport import ERASE_HOOK as _ENQUIRY_ERASE  # noqa: E402
from website.dataexport import MEMBER_DATA_EXPORT_HOOK as _ENQUIRY_EXPORT  # noqa: E402

modeladmin_register(enquiry_admin.EnquiryAdmin)
# A leader's own enquiries, matched by their account's email, in "Download my data" (DP-4).
_hooks.register(_ENQUIRY_EXPORT, _enquiry_services.export_enquiries_section)
# ... and anonymised when they delete their account (UK GDPR Article 17).
_hooks.register(_ENQUIRY_ERASE, _enquiry_services.erase_member_enquiries)
_hooks.register("construct_homepage_panels", enquiry_admin.dashboard_panels)
_hooks.register("register_admin_urls", lambda: enquiry_admin.admin_urls)


@_hooks.register("insert_global_admin_css")
def _enquiry_listing_css():
    """Keeps wide modeladmin tables (enquiries first) out from under the filter panel."""
    return _format_html(
        '<link rel="stylesheet" href="{}">', _static("members/css/admin-listing.css")
    )


# Accounts and portal (issue 4): staff admin for members, invitations and applications;
# the portal's own panels and the members app's data export sections register on import.
from django.urls import include, path  # noqa: E402
from wagtail import hooks  # noqa: E402
from wagtail_modeladmin.options import modeladmin_register  # noqa: E402

import members.accounts.exports  # noqa: E402,F401
import members.accounts.views.portal  # noqa: E402,F401
import website.audit  # noqa: E402
from members.accounts import admin as accounts_admin  # noqa: E402

modeladmin_register(accounts_admin.MembersAdminGroup)
hooks.register("register_log_actions", accounts_admin.register_log_actions)
hooks.register("register_log_actions", website.audit.register_log_actions)


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
from members.opportunities import admin as opportunity_admin  # noqa: E402
from members.opportunities import todos as _opportunity_todos  # noqa: E402
from members.opportunities import views as _opportunity_views  # noqa: E402
from website import todo as _todo  # noqa: E402
from website.dashboard import PANEL_HOOK as _PANEL_HOOK  # noqa: E402

_register_opportunity_admin(opportunity_admin.ExpressionOfInterestAdmin)
_opportunity_hooks.register("register_admin_urls", lambda: opportunity_admin.admin_urls)
_opportunity_hooks.register(
    _PANEL_HOOK, _opportunity_views.matching_opportunities_panel
)
_opportunity_hooks.register(_PANEL_HOOK, _opportunity_views.my_interests_panel)
_opportunity_hooks.register(_HOME_SLOT_HOOK, _opportunity_views.closing_soon_slot)

from members.opportunities import exports as _opportunity_exports  # noqa: E402
from website.dataexport import ERASE_HOOK as _ERASE_HOOK  # noqa: E402
from website.dataexport import MEMBER_DATA_EXPORT_HOOK as _EXPORT_HOOK  # noqa: E402

_opportunity_hooks.register(_EXPORT_HOOK, _opportunity_exports.export_interests_section)
_opportunity_hooks.register(_EXPORT_HOOK, _opportunity_exports.export_alerts_section)
_opportunity_hooks.register(
    _EXPORT_HOOK, _opportunity_exports.export_alerts_sent_section
)
_opportunity_hooks.register(_ERASE_HOOK, _opportunity_exports.erase_member_data)
_opportunity_hooks.register(_todo.PORTAL, _opportunity_todos.offers_waiting)
_opportunity_hooks.register(_todo.ADMIN, _opportunity_todos.interests_to_review)


# --- Coaching and mentoring pairings (issue 8): staff admin views, portal panel and task,
# data export and erasure.
from django.urls import include as _pairing_include  # noqa: E402
from django.urls import path as _pairing_path  # noqa: E402
from django.urls import reverse as _pairing_reverse  # noqa: E402
from wagtail import hooks as _pairing_hooks  # noqa: E402
from wagtail.admin.menu import Menu as _PairingMenu  # noqa: E402
from wagtail.admin.menu import MenuItem as _PairingMenuItemBase  # noqa: E402
from wagtail.admin.menu import SubmenuMenuItem as _PairingSubmenuBase  # noqa: E402

from members.coaching import admin as _pairing_admin  # noqa: E402
from members.coaching import exports as _pairing_exports  # noqa: E402
from members.coaching import permissions as _pairing_perms  # noqa: E402
from members.coaching import todos as _pairing_todos  # noqa: E402
from members.coaching.views import panels as _pairing_panels  # noqa: E402
from website import todo as _todo  # noqa: E402
from website.dashboard import PANEL_HOOK as _PAIRING_PANEL_HOOK  # noqa: E402
from website.dataexport import ERASE_HOOK as _PAIRING_ERASE_HOOK  # noqa: E402
from website.dataexport import MEMBER_DATA_EXPORT_HOOK as _PAIRING_EXPORT  # noqa: E402


@_pairing_hooks.register("register_admin_urls")
def pairing_admin_urls():
    return [
        _pairing_path(
            "pairings/",
            _pairing_include(
                (_pairing_admin.admin_urls, "pairings_admin"),
                namespace="pairings_admin",
            ),
        )
    ]


class _PairingMenuItem(_PairingMenuItemBase):
    def __init__(self, *args, check, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check

    def is_shown(self, request):
        return self.check(request.user)


class _PairingSubmenu(_PairingSubmenuBase):
    def is_shown(self, request):
        return _pairing_perms.can_view_pairings_admin(request.user)


@_pairing_hooks.register("register_admin_menu_item")
def register_pairing_menu():
    items = [
        _PairingMenuItem(
            "Pairings",
            _pairing_reverse("pairings_admin:index"),
            icon_name="group",
            order=1,
            check=_pairing_perms.can_view_pairings_admin,
        ),
        _PairingMenuItem(
            "Expense claims",
            _pairing_reverse("pairings_admin:claims"),
            icon_name="doc-full",
            order=2,
            check=_pairing_perms.can_decide_claims,
        ),
        _PairingMenuItem(
            "Programme figures",
            _pairing_reverse("pairings_admin:figures"),
            icon_name="table",
            order=3,
            check=_pairing_perms.can_view_programme_figures,
        ),
    ]
    return _PairingSubmenu(
        "Coaching", _PairingMenu(items=items), icon_name="group", order=255
    )


_pairing_hooks.register(_PAIRING_PANEL_HOOK, _pairing_panels.pairings_panel)
_pairing_hooks.register(_todo.PORTAL, _pairing_todos.pairings_waiting)
_pairing_hooks.register(_todo.ADMIN, _pairing_todos.claims_to_decide)
_pairing_hooks.register(_PAIRING_EXPORT, _pairing_exports.export_pairings)
_pairing_hooks.register(_PAIRING_EXPORT, _pairing_exports.export_sessions)
_pairing_hooks.register(_PAIRING_EXPORT, _pairing_exports.export_claims)
_pairing_hooks.register(_PAIRING_EXPORT, _pairing_exports.export_reflections)
_pairing_hooks.register(_PAIRING_EXPORT, _pairing_exports.export_availability)
_pairing_hooks.register(_PAIRING_ERASE_HOOK, _pairing_exports.erase_pairings)


# Retention (DP-6): each feature's purge steps register with website.retention on import.
import members.accounts.retention  # noqa: E402,F401
import members.opportunities.retention  # noqa: E402,F401
