"""Feedback forms' registrations: the admin "Feedback" screen and its menu item, answers
in data export and erasure, and the retention step. Imported by members/wagtail_hooks.py."""

from django.urls import include, path, reverse
from wagtail import hooks

import members.feedback.notifications  # noqa: F401 - its email, in the catalogue
import members.feedback.retention  # noqa: F401 - registers the purge step on import
from members.feedback import exports, staff
from members.feedback import permissions as perms
from website.admin_menu import PermittedMenuItem
from website.dataexport import ERASE_HOOK, MEMBER_DATA_EXPORT_HOOK


@hooks.register("register_admin_urls")
def feedback_admin_urls():
    return [
        path(
            "feedback/",
            include((staff.admin_urls, "feedback_admin"), namespace="feedback_admin"),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_feedback_menu():
    return PermittedMenuItem(
        "Feedback",
        reverse("feedback_admin:index"),
        perms.reads_all,
        icon_name="form",
        order=258,
    )


hooks.register(MEMBER_DATA_EXPORT_HOOK, exports.export_feedback)
hooks.register(ERASE_HOOK, exports.erase_feedback)
