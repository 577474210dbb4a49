"""Coaching's admin registrations: the pairings admin views and their "Coaching" menu, the
portal panel, things to do, and pairings in data export and erasure.

Imported by members/wagtail_hooks.py, the only module Wagtail discovers in this app.
"""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from members.coaching import admin as pairing_admin
from members.coaching import exports, todos
from members.coaching import permissions as perms
from members.coaching.views import panels
from website import todo
from website.dashboard import PANEL_HOOK
from website.dataexport import ERASE_HOOK, MEMBER_DATA_EXPORT_HOOK


@hooks.register("register_admin_urls")
def pairing_admin_urls():
    return [
        path(
            "pairings/",
            include(
                (pairing_admin.admin_urls, "pairings_admin"),
                namespace="pairings_admin",
            ),
        )
    ]


class _PairingMenuItem(MenuItem):
    def __init__(self, *args, check, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check

    def is_shown(self, request):
        return self.check(request.user)


class _PairingSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return perms.can_view_pairings_admin(request.user)


@hooks.register("register_admin_menu_item")
def register_pairing_menu():
    items = [
        _PairingMenuItem(
            "Pairings",
            reverse("pairings_admin:index"),
            icon_name="group",
            order=1,
            check=perms.can_view_pairings_admin,
        ),
        _PairingMenuItem(
            "Programme figures",
            reverse("pairings_admin:figures"),
            icon_name="table",
            order=3,
            check=perms.can_view_programme_figures,
        ),
    ]
    return _PairingSubmenu("Coaching", Menu(items=items), icon_name="group", order=255)


hooks.register(PANEL_HOOK, panels.pairings_panel)
hooks.register(todo.PORTAL, todos.pairings_waiting)
hooks.register(MEMBER_DATA_EXPORT_HOOK, exports.export_pairings)
hooks.register(MEMBER_DATA_EXPORT_HOOK, exports.export_sessions)
hooks.register(MEMBER_DATA_EXPORT_HOOK, exports.export_reflections)
hooks.register(MEMBER_DATA_EXPORT_HOOK, exports.export_availability)
hooks.register(ERASE_HOOK, exports.erase_pairings)
