"""Safeguarding's registrations: the concerns log in the admin and its menu item (leads
only), raising a concern from the admin, the leads' things to do, the portal panel for
partners, the audit actions, and retention. Nothing is registered for data export or
figures: concerns are kept out of both on purpose (docs/privacy.md)."""

from django.urls import include, path, reverse
from wagtail import hooks

from members.accounts.profiles import is_partner
from members.safeguarding import permissions as perms
from members.safeguarding import services, staff, todos
from website import todo
from website.admin_menu import PermittedMenuItem
from website.dashboard import PANEL_HOOK, Panel


@hooks.register("register_admin_urls")
def safeguarding_admin_urls():
    return [
        path(
            "safeguarding/",
            include(
                (staff.admin_urls, "safeguarding_admin"), namespace="safeguarding_admin"
            ),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_concerns_menu():
    return PermittedMenuItem(
        "Safeguarding concerns",
        reverse("safeguarding_admin:log"),
        perms.can_read_log,
        icon_name="warning",
        order=258,
    )


@hooks.register("register_admin_menu_item")
def register_raise_menu():
    # Staff who are not leads still need a way in to raise one (leads have a button on
    # the log).
    return PermittedMenuItem(
        "Raise a safeguarding concern",
        reverse("safeguarding_admin:new"),
        lambda user: perms.can_raise(user) and not perms.can_read_log(user),
        icon_name="warning",
        order=259,
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    for action, (label, message) in services.ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register(PANEL_HOOK)
def concerns_panel(request):
    """One short section for partners, who raise concerns from the portal (staff raise
    them from the admin's menu). Only the profile is asked, which the dashboard has read
    already: asking for admin access here would load every permission for every member."""
    if not is_partner(request.user):
        return None
    return Panel(order=90, template="members/safeguarding/panel.html")


hooks.register(todo.ADMIN, todos.open_concerns)

# Retention: the erase step registers with website.retention on import.
import members.safeguarding.retention  # noqa: E402,F401
