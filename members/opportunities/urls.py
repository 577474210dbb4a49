"""Opportunities' URLs: the feeds, expressing interest and a member's own interests.

Concatenated into members/urls.py, so the names stay in the `members:` namespace.
"""

from django.urls import path

from members.opportunities import feeds
from members.opportunities import views as opportunity_views

urlpatterns = [
    path("opportunities/feed/", feeds.OpportunitiesFeed(), name="opportunities_feed"),
    path(
        "opportunities/closing-dates.ics",
        feeds.closing_dates_ical,
        name="opportunities_ical",
    ),
    path(
        "portal/opportunities/<int:page_id>/interest/",
        opportunity_views.express_interest,
        name="express_interest",
    ),
    path("portal/interests/", opportunity_views.my_interests, name="my_interests"),
    path(
        "portal/interests/alerts/",
        opportunity_views.alerts,
        name="opportunity_alerts",
    ),
    path(
        "portal/interests/<int:pk>/",
        opportunity_views.interest_detail,
        name="interest_detail",
    ),
    path(
        "portal/interests/<int:pk>/withdraw/",
        opportunity_views.withdraw_interest,
        name="withdraw_interest",
    ),
    path(
        "portal/interests/<int:pk>/respond/",
        opportunity_views.respond_to_offer,
        name="respond_to_offer",
    ),
]
