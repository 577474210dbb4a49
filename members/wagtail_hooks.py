"""Admin registrations and portal panels for the members app; features add theirs below."""

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
