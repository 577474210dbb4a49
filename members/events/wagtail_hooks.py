"""Events' registrations: the admin, the portal panel and things to do, data export and
erasure, retention.

Imported by members/wagtail_hooks.py, the only module Wagtail discovers in this app.
"""

from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from members.events import admin as event_admin
from members.events import exports, portal, todos
from website import todo
from website.dashboard import PANEL_HOOK
from website.dataexport import ERASE_HOOK, MEMBER_DATA_EXPORT_HOOK

modeladmin_register(event_admin.EventsAdminGroup)
hooks.register(PANEL_HOOK, portal.my_events_panel)
hooks.register(todo.PORTAL, todos.offers_to_confirm)
hooks.register(todo.ADMIN, todos.attendance_to_mark)
hooks.register(MEMBER_DATA_EXPORT_HOOK, exports.export_bookings_section)
hooks.register(MEMBER_DATA_EXPORT_HOOK, exports.export_invitations_section)
hooks.register(ERASE_HOOK, exports.erase_member_data)

# Retention: the purge steps register with website.retention on import.
import members.events.retention  # noqa: E402,F401
