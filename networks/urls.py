"""Network routes: the co-chair workspace (with its "you said, we did" log) and member
actions under /portal/networks/, and the public feed and calendars beside each network
page."""

from django.urls import path

from networks.views import member, public, workspace, you_said

app_name = "networks"

portal = "portal/networks/<slug:slug>/"

urlpatterns = [
    path(portal, workspace.workspace, name="workspace"),
    path(f"{portal}members/", workspace.members, name="members"),
    path(f"{portal}updates/new/", workspace.update_form, name="update_create"),
    path(f"{portal}updates/<int:pk>/edit/", workspace.update_form, name="update_edit"),
    path(
        f"{portal}updates/<int:pk>/withdraw/",
        workspace.update_withdraw,
        name="update_withdraw",
    ),
    path(
        f"{portal}requests/<int:pk>/decide/",
        workspace.join_request_decide,
        name="join_request_decide",
    ),
    path(f"{portal}meetings/new/", workspace.meeting_form, name="meeting_create"),
    path(
        f"{portal}meetings/<int:pk>/edit/", workspace.meeting_form, name="meeting_edit"
    ),
    path(
        f"{portal}meetings/<int:pk>/cancel-meeting/",
        workspace.meeting_cancel_by_cochair,
        name="meeting_cancel_by_cochair",
    ),
    path(
        f"{portal}meetings/<int:pk>/",
        workspace.meeting_registrations,
        name="meeting_registrations",
    ),
    path(
        f"{portal}enquiries/<int:pk>/", workspace.enquiry_detail, name="enquiry_detail"
    ),
    path(f"{portal}you-said/", you_said.you_said_list, name="you_said"),
    path(f"{portal}you-said/new/", you_said.you_said_form, name="you_said_create"),
    path(
        f"{portal}you-said/<int:pk>/edit/",
        you_said.you_said_form,
        name="you_said_edit",
    ),
    path(f"{portal}join/", member.join, name="join"),
    path(f"{portal}leave/", member.leave, name="leave"),
    path(f"{portal}settings/", member.membership_settings, name="membership_settings"),
    path(
        f"{portal}meetings/<int:pk>/register/",
        member.meeting_register,
        name="meeting_register",
    ),
    path(
        f"{portal}meetings/<int:pk>/cancel/",
        member.meeting_cancel,
        name="meeting_cancel",
    ),
    path(
        "networks/<slug:slug>/updates.rss",
        public.NetworkUpdatesFeed(),
        name="updates_feed",
    ),
    path("networks/<slug:slug>/you-said/", public.you_said, name="you_said_public"),
    path(
        "networks/<slug:slug>/meetings.ics",
        public.network_calendar,
        name="network_calendar",
    ),
    path(
        "networks/<slug:slug>/meetings/<int:pk>.ics",
        public.former_meeting_calendar,
        name="former_meeting_calendar",
    ),
]
