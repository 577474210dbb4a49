"""The impact report's registrations: its admin screens and menu item (shown only with
the permission), the equality questions' dashboard panel, and the equality answers
and theme tags in data export and erasure. Imported by members/wagtail_hooks.py."""

from functools import partial

from django.urls import include, path, reverse
from wagtail import hooks

from home import live_figures
from members.impact import exports, figures, panels, staff
from members.impact.permissions import can_view_impact
from website.admin_menu import PermittedMenuItem
from website.dashboard import PANEL_HOOK
from website.dataexport import ERASE_HOOK, MEMBER_DATA_EXPORT_HOOK


@hooks.register("register_admin_urls")
def impact_admin_urls():
    return [
        path(
            "impact/",
            include((staff.admin_urls, "impact_admin"), namespace="impact_admin"),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_impact_menu():
    return PermittedMenuItem(
        "Impact report",
        reverse("impact_admin:report"),
        can_view_impact,
        icon_name="doc-full",
        order=258,
    )


hooks.register(PANEL_HOOK, panels.equality_questions)
hooks.register(MEMBER_DATA_EXPORT_HOOK, exports.export_equality)
hooks.register(ERASE_HOOK, exports.erase_equality)


@hooks.register(live_figures.HOOK)
def headline_figures():
    """The headline figures for the public "in numbers" block, protected as in the report
    (worked out only when the block's shared cache runs out)."""
    return [
        (f"impact_{key}", label, partial(figures.headline_value, key))
        for key, label in figures.headline_labels()
    ]
