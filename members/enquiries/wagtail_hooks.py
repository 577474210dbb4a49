"""Enquiries' admin registrations: the triage listing, its admin URLs and dashboard panel,
and a leader's enquiries in "Download my data" and account erasure.

Imported by members/wagtail_hooks.py, the only module Wagtail discovers in this app.
"""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from members.enquiries import admin as enquiry_admin
from members.enquiries import services
from website.dataexport import ERASE_HOOK, MEMBER_DATA_EXPORT_HOOK

modeladmin_register(enquiry_admin.EnquiryAdmin)
# A leader's own enquiries, matched by their account's email, in "Download my data" (DP-4).
hooks.register(MEMBER_DATA_EXPORT_HOOK, services.export_enquiries_section)
# ... and anonymised when they delete their account (UK GDPR Article 17).
hooks.register(ERASE_HOOK, services.erase_member_enquiries)
hooks.register("construct_homepage_panels", enquiry_admin.dashboard_panels)
hooks.register("register_admin_urls", lambda: enquiry_admin.admin_urls)


@hooks.register("insert_global_admin_css")
def listing_css():
    """Keeps wide modeladmin tables (enquiries first) out from under the filter panel."""
    return format_html(
        '<link rel="stylesheet" href="{}">', static("members/css/admin-listing.css")
    )
