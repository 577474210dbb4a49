"""A history view for wagtail-modeladmin screens that checks permission.

wagtail-modeladmin's ``HistoryView`` lets anyone with admin access read an object's history
(its title and who changed it when), even when they may not see the object itself; an editor
could read the history of an enquiry or a member profile (security checklist AC-4, the
CVE-2026-44198 class). This view asks the screen's permission helper first.
"""

from wagtail_modeladmin.views import HistoryView


class PermittedHistoryView(HistoryView):
    def check_action_permitted(self, user):
        return self.permission_helper.user_can_list(user)
