"""Accounts' portal URLs: the portal home, profile, "Download my data", account deletion,
invitations and applications to join.

Concatenated into members/urls.py, so the names stay in the `members:` namespace.
"""

from django.urls import path

from members.accounts.views import invitations, mydata, portal, profile

urlpatterns = [
    path("portal/", portal.portal, name="portal"),
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
]
