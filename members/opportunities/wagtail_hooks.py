"""Opportunities' admin registrations: the interests admin, portal panels, the home page's
closing-soon slot, data export and erasure, things to do, and the purge step.

Imported by members/wagtail_hooks.py, the only module Wagtail discovers in this app.
"""

from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from home.slots import HOME_SLOT_HOOK
from members.opportunities import admin as opportunity_admin
from members.opportunities import exports, todos, views
from website import todo
from website.dashboard import PANEL_HOOK
from website.dataexport import ERASE_HOOK, MEMBER_DATA_EXPORT_HOOK

modeladmin_register(opportunity_admin.ExpressionOfInterestAdmin)
hooks.register("register_admin_urls", lambda: opportunity_admin.admin_urls)
hooks.register(PANEL_HOOK, views.matching_opportunities_panel)
hooks.register(PANEL_HOOK, views.my_interests_panel)
hooks.register(HOME_SLOT_HOOK, views.closing_soon_slot)

hooks.register(MEMBER_DATA_EXPORT_HOOK, exports.export_interests_section)
hooks.register(MEMBER_DATA_EXPORT_HOOK, exports.export_alerts_section)
hooks.register(MEMBER_DATA_EXPORT_HOOK, exports.export_alerts_sent_section)
hooks.register(ERASE_HOOK, exports.erase_member_data)
hooks.register(todo.PORTAL, todos.offers_waiting)
hooks.register(todo.ADMIN, todos.interests_to_review)


# Retention (DP-6): the purge step registers with website.retention on import.
import members.opportunities.retention  # noqa: E402,F401
