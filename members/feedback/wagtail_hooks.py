"""Feedback forms' registrations: the admin "Feedback" screen and its menu item, answers
in data export and erasure, the retention step, and no page deleted with its answers. Imported by members/wagtail_hooks.py."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.models import Page

import members.feedback.notifications  # noqa: F401 - its email, in the catalogue
import members.feedback.retention  # noqa: F401 - registers the purge step on import
from members.feedback import deletion, exports, staff
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


@hooks.register("before_delete_page")
def keep_answers_of_one_page(request, page):
    return deletion.refuse_if_answers(
        request, [page], reverse("wagtailadmin_pages:edit", args=[page.pk])
    )


@hooks.register("before_bulk_action")
def keep_answers_of_many_pages(request, action_type, objects, action):
    pages = [item for item in objects if isinstance(item, Page)]
    if action_type != "delete" or not pages:
        return None
    return deletion.refuse_if_answers(request, pages, action.next_url)
