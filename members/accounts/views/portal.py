"""The member portal dashboard and its own panels (profile, things needing attention).

Other features add panels with ``@hooks.register(PANEL_HOOK)`` (website/dashboard.py) and
items to "Things to do" with ``@hooks.register(todo.PORTAL)`` (website/todo.py); the panel here
only renders what the providers return.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from wagtail import hooks

from members.models import MemberProfile
from website import todo
from website.dashboard import PANEL_HOOK, Panel, panels_for


def profile_for_request(request):
    """The signed-in person's profile, fetched once per request and shared by panels."""
    if not hasattr(request, "_member_profile"):
        request._member_profile = (
            MemberProfile.objects.select_related("region")
            .filter(user=request.user)
            .first()
        )
        # `user.profile` elsewhere in the request (the matching panel) then asks no query.
        MemberProfile.user.field.remote_field.set_cached_value(
            request.user, request._member_profile
        )
    return request._member_profile


@login_required
def portal(request):
    """The member's dashboard: the first page after signing in, built from app panels."""
    return render(request, "members/portal.html", {"panels": panels_for(request)})


@hooks.register(PANEL_HOOK)
def profile_panel(request):
    return Panel(
        order=5,
        template="members/panels/profile.html",
        context={"profile": profile_for_request(request)},
    )


@hooks.register(todo.PORTAL)
def profile_attention(request):
    profile = profile_for_request(request)
    if profile is None or not profile.region_id or not profile.interests:
        return [
            todo.Todo(
                text=(
                    "Tell us your region and what interests you, so we can show you "
                    "opportunities that suit you."
                ),
                url=reverse("members:edit_profile"),
                link_text="Complete your profile",
                order=10,
            )
        ]
    return []


@hooks.register(PANEL_HOOK)
def attention_panel(request):
    return Panel(
        order=1,
        template="members/panels/attention.html",
        context={"items": todo.things_to_do(request, todo.PORTAL)},
    )
