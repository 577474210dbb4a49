"""Portal URLs; each feature adds its routes below with a targeted edit."""

from django.urls import path

from members.accounts.views import invitations, mydata, portal, profile
from members.coaching.views import portal as pairing_views
from members.coaching.views import records as pairing_records
from members.opportunities import feeds
from members.opportunities import views as opportunity_views

app_name = "members"

urlpatterns = [
    path("portal/", portal.portal, name="portal"),
    # Accounts and portal (issue 4)
    path("portal/profile/", profile.profile, name="profile"),
    path("portal/profile/edit/", profile.edit_profile, name="edit_profile"),
    path(
        "portal/profile/withdraw-consent/",
        profile.withdraw_consent,
        name="withdraw_consent",
    ),
    path("portal/my-data/", mydata.my_data, name="my_data"),
    path("portal/my-data/download.json", mydata.download_json, name="my_data_json"),
    path("portal/my-data/download.html", mydata.download_html, name="my_data_html"),
    path("portal/my-data/delete/", mydata.delete_account, name="delete_account"),
    path("account-deleted/", mydata.account_deleted, name="account_deleted"),
    path(
        "invitations/<str:token>/",
        invitations.accept_invitation,
        name="accept_invitation",
    ),
    path("join/", invitations.apply, name="apply"),
    path("join/thanks/", invitations.apply_thanks, name="apply_thanks"),
    # Opportunities and expressions of interest (issue 6)
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
    # Coaching and mentoring pairings (issue 8)
    path("portal/pairings/", pairing_views.pairing_list, name="pairing_list"),
    path(
        "portal/pairings/availability/",
        pairing_records.partner_availability,
        name="partner_availability",
    ),
    path(
        "portal/pairings/<int:pk>/",
        pairing_views.pairing_detail,
        name="pairing_detail",
    ),
    path(
        "portal/pairings/<int:pk>/respond/",
        pairing_views.pairing_respond,
        name="pairing_respond",
    ),
    path(
        "portal/pairings/<int:pk>/sessions/new/",
        pairing_records.pairing_session,
        name="pairing_session",
    ),
    path(
        "portal/pairings/<int:pk>/claims/new/",
        pairing_records.pairing_claim,
        name="pairing_claim",
    ),
    path(
        "portal/pairings/<int:pk>/reflection/",
        pairing_records.pairing_reflect,
        name="pairing_reflect",
    ),
    path(
        "portal/pairings/<int:pk>/<slug:action>/",
        pairing_views.pairing_status,
        name="pairing_status",
    ),
]
