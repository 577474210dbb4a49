"""Member portal views."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def portal(request):
    """The member's dashboard: the first page after signing in."""
    return render(request, "members/portal.html", {})
