"""Partner support's registrations: training courses (a snippet programme staff manage),
the training and debrief screens in the admin and their menu items, the portal panel,
things to do, and both records in data export and erasure. Imported by
members/wagtail_hooks.py."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from members.support import exports, staff, todos, views
from members.support import permissions as perms
from members.support.models import TrainingCourse
from website import todo
from website.admin_menu import PermittedMenuItem
from website.dashboard import PANEL_HOOK
from website.dataexport import ERASE_HOOK, MEMBER_DATA_EXPORT_HOOK


@hooks.register("register_admin_urls")
def support_admin_urls():
    return [
        path(
            "training/",
            include(
                (staff.training_urls, "training_admin"), namespace="training_admin"
            ),
        ),
        path(
            "debriefs/",
            include((staff.debrief_urls, "debriefs_admin"), namespace="debriefs_admin"),
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_training_menu():
    return PermittedMenuItem(
        "Partner training",
        reverse("training_admin:index"),
        perms.can_view_training,
        icon_name="success",
        order=258,
    )


@hooks.register("register_admin_menu_item")
def register_debriefs_menu():
    return PermittedMenuItem(
        "Debrief requests",
        reverse("debriefs_admin:index"),
        perms.can_answer_debriefs,
        icon_name="comment",
        order=259,
    )


class TrainingCourseViewSet(SnippetViewSet):
    """Courses partners take: programme staff add and change them; a course with
    completions is retired (untick "active"), never deleted."""

    model = TrainingCourse
    menu_label = "Training courses"
    icon = "success"
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["name", "provider", "valid_months", "active"]
    list_filter = ["active"]
    form_fields = ["name", "provider", "covers", "valid_months", "active"]


register_snippet(TrainingCourseViewSet)

hooks.register(PANEL_HOOK, views.support_panel)
hooks.register(todo.PORTAL, todos.training_running_out)
hooks.register(todo.ADMIN, todos.training_for_staff)
hooks.register(todo.ADMIN, todos.debriefs_waiting)
hooks.register(MEMBER_DATA_EXPORT_HOOK, exports.export_training)
hooks.register(MEMBER_DATA_EXPORT_HOOK, exports.export_debriefs)
hooks.register(ERASE_HOOK, exports.erase_support)
