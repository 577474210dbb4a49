"""Events' URLs: the public listing and pages, booking, calendars, the portal page and
the organiser's attendance list and papers.

Concatenated into members/urls.py, so the names stay in the `members:` namespace.
"""

from django.urls import path

from members.events import organiser, portal, views

urlpatterns = [
    path("events/", views.event_list, name="event_list"),
    path("events/past/", views.past_events, name="event_past"),
    path("events/calendar.ics", views.events_calendar, name="events_calendar"),
    path("events/feed/<str:token>.ics", views.private_feed, name="event_private_feed"),
    path(
        "events/booking/<str:token>/",
        views.manage_booking,
        name="event_manage_booking",
    ),
    path(
        "events/booking/<str:token>/confirm/",
        views.confirm_offer,
        name="event_confirm_offer",
    ),
    path("events/<slug:slug>/", views.event_detail, name="event_detail"),
    path(
        "events/<slug:slug>/attendance/",
        organiser.mark_attendance,
        name="event_attendance",
    ),
    path("events/<slug:slug>/papers/", organiser.event_papers, name="event_papers"),
    path(
        "events/<slug:slug>/invitations/",
        organiser.event_invitations,
        name="event_invitations",
    ),
    path(
        "events/<slug:slug>/invitations/<int:pk>/remove/",
        organiser.remove_invitation,
        name="event_remove_invitation",
    ),
    path(
        "events/<slug:slug>/papers/<int:pk>/remove/",
        organiser.remove_paper,
        name="event_remove_paper",
    ),
    path(
        "events/<slug:slug>/papers/<int:pk>/<str:name>",
        views.download_paper,
        name="event_paper",
    ),
    path(
        "events/<slug:slug>/calendar.ics",
        views.event_calendar,
        name="event_calendar",
    ),
    path("portal/events/", portal.my_events, name="my_events"),
    path(
        "portal/events/<int:pk>/cancel/",
        portal.cancel_my_booking,
        name="event_cancel_booking",
    ),
    path(
        "portal/events/<int:pk>/confirm/",
        portal.confirm_my_offer,
        name="event_confirm_my_offer",
    ),
    path("portal/events/feed/reset/", portal.reset_feed, name="event_feed_reset"),
]
