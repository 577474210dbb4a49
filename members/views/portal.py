"""The member portal dashboard."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from members.dashboard import panels_for


@login_required
def portal(request):
    """The member's dashboard: the first page after signing in, built from app panels."""
    return render(request, "members/portal.html", {"panels": panels_for(request)})
