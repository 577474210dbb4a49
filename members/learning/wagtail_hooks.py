"""Learning sets' registrations: the staff screens in the admin and their menu item, the
invitation on "Things to do", the dashboard panel, and the set in data export and erasure. Imported by
members/wagtail_hooks.py."""

from django.urls import include, path, reverse
from wagtail import hooks

from members.learning import exports, panels, staff, todos
from members.learning import permissions as perms
from website import todo
from website.admin_menu import PermittedMenuItem
from website.dashboard import PANEL_HOOK
from website.dataexport import ERASE_HOOK, MEMBER_DATA_EXPORT_HOOK


@hooks.register("register_admin_urls")
def learning_admin_urls():
    return [
        path(
            "learning/",
            include((staff.admin_urls, "learning_admin"), namespace="learning_admin"),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_learning_menu():
    return PermittedMenuItem(
        "Learning sets",
        reverse("learning_admin:index"),
        perms.manages,
        icon_name="group",
        order=255,
    )


hooks.register(todo.PORTAL, todos.invitations_waiting)
hooks.register(todo.PORTAL, todos.reflections_waiting)
hooks.register(PANEL_HOOK, panels.learning_panel)
hooks.register(MEMBER_DATA_EXPORT_HOOK, exports.export_learning)
hooks.register(ERASE_HOOK, exports.erase_learning)
