"""Coaching's portal URLs: a member's pairings, their sessions, claims and reflections.

Concatenated into members/urls.py, so the names stay in the `members:` namespace.
"""

from django.urls import path

from members.coaching.views import portal as pairing_views
from members.coaching.views import records as pairing_records

urlpatterns = [
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
