"""The core's admin pieces: staff's "Things to do" on the admin home (website/todo.py), the
email outbox screen (website/outbox_admin.py) and the background tasks screen
(website/background.py)."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

import website.audit  # noqa: F401 - registers the audit trail's retention step
from website import background, outbox_admin, todo


class TodoPanel(Component):
    """The admin home's list of what is waiting for this person, from every feature."""

    name = "voices_things_to_do"
    order = 50
    template_name = "website/admin/todo_panel.html"

    def __init__(self, items):
        self.items = items

    def get_context_data(self, parent_context):
        return {"items": self.items}


@hooks.register("construct_homepage_panels")
def add_todo_panel(request, panels):
    """Shown to anyone some feature has admin "things to do" for (staff, moderators)."""
    items = todo.things_to_do(request, todo.ADMIN)
    if items:
        panels.insert(0, TodoPanel(items))


hooks.register("register_admin_urls", lambda: outbox_admin.admin_urls)
hooks.register("register_admin_menu_item", outbox_admin.menu_item)
hooks.register("register_admin_urls", lambda: background.admin_urls)
hooks.register("register_admin_menu_item", background.menu_item)
