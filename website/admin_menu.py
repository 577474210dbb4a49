"""An admin menu item shown only to the people a feature's own check lets in, so each
feature writes its rule once (in its permissions module) rather than a class each:

    hooks.register("register_admin_menu_item", lambda: PermittedMenuItem(
        "Learning sets", reverse("learning_admin:index"), perms.manages,
        icon_name="group", order=255))
"""

from wagtail.admin.menu import MenuItem


class PermittedMenuItem(MenuItem):
    def __init__(self, label, url, allowed, **kwargs):
        super().__init__(label, url, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return bool(self.allowed(request.user))
