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
