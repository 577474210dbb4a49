"""Operational endpoints and error pages that must work whatever state the site is in."""

import math

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe


@never_cache
@require_safe
def healthz(request):
    """Load balancers poll this (GET or HEAD): 200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse(
            "database unavailable", status=503, content_type="text/plain"
        )
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain")


@require_GET
def security_txt(request):
    return render(request, "security.txt", content_type="text/plain")


def server_error(request):
    """A 500 page rendered without the database or context processors, which may be what failed."""
    return HttpResponse(render_to_string("500.html"), status=500)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def forbidden(request):
    """A real 403 page: Wagtail would turn PermissionDenied into a redirect to the dashboard,
    which hides from tests and audits that the request was refused (AC-6)."""
    return TemplateResponse(request, "403.html", status=403)


def too_many_requests(request, limit):
    """The kind "please wait" page for a rate limit (`website.spam`'s `limit`), with the
    minutes to wait and a Retry-After header: every public form answers this way."""
    response = TemplateResponse(
        request,
        "429.html",
        {"retry_after_minutes": max(1, math.ceil(limit.retry_after() / 60))},
        status=429,
    )
    response["Retry-After"] = str(limit.retry_after())
    return response
