"""The member portal dashboard and its own panels (profile, things needing attention).

Other apps add panels with ``@hooks.register(PANEL_HOOK)`` (members/dashboard.py) and may add
items to "Things to do" with ``@hooks.register(ATTENTION_HOOK)``: a function taking the request
and returning a list of ``Attention`` items (a fixed number of queries, none per item).
"""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from wagtail import hooks

from members.models import MemberProfile
from website.dashboard import PANEL_HOOK, Panel, panels_for

ATTENTION_HOOK = "register_portal_attention"


@dataclass
class Attention:
    """Something the member should do, in one sentence, with a link to do it."""

    text: str
    url: str
    link_text: str
    order: int = 50


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


@hooks.register(ATTENTION_HOOK)
def profile_attention(request):
    profile = profile_for_request(request)
    if profile is None or not profile.region_id or not profile.interests:
        return [
            Attention(
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
    items = []
    for build in hooks.get_hooks(ATTENTION_HOOK):
        items.extend(build(request) or [])
    return Panel(
        order=1,
        template="members/panels/attention.html",
        context={"items": sorted(items, key=lambda item: item.order)},
    )
