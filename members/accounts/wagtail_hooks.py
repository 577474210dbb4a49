"""Accounts' admin registrations: staff admin for members, invitations and applications,
their log actions, and the purge steps for invitations, applications and unused accounts.

The portal's own panels and the accounts' data export sections register when their modules
are imported, so importing them here is what switches them on. Imported by
members/wagtail_hooks.py, the only module Wagtail discovers in this app.
"""

from django.urls import include, path
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

import members.accounts.exports  # noqa: F401
import members.accounts.views.portal  # noqa: F401
import website.audit
from members.accounts import admin as accounts_admin

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


# Retention (DP-6): the purge steps register with website.retention on import.
import members.accounts.retention  # noqa: E402,F401
