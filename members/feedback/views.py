"""Answering a feedback form: what `FeedbackPage.serve` does for a visitor.

The form is the page's questions (members/feedback/forms.py) plus, when the page asks, the
quote consent tick. A POST is rate limited like every public form (website/spam.py), stored
by the service and answered with a redirect to the thank-you, so reloading never sends the
answers twice. No CAPTCHA.
"""

import logging

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from members.feedback import services
from website.spam import RateLimit, client_ip, ip_key
from website.views import too_many_requests

logger = logging.getLogger(__name__)
SENT_KEY = "feedback_sent"  # the session's note of which forms were just answered
FORM_TEMPLATE = "members/feedback/feedback_page.html"
THANKS_TEMPLATE = "members/feedback/feedback_page_thank_you.html"


def ip_limit():
    """Answers from one address an hour: plenty for a shared computer at an event."""
    return RateLimit("feedback-ip", getattr(settings, "FEEDBACK_RATE_LIMIT_PER_IP", 10))


def _render(request, page, template, context, status=200):
    response = TemplateResponse(
        request, template, {**page.get_context(request), **context}, status=status
    )
    add_never_cache_headers(response)  # a form with a CSRF token, or someone's thanks
    return response


def serve_form(request, page):
    """GET: the questions (or the thank-you just after sending); POST: store the answers."""
    questions = list(page.get_form_fields())
    if request.method == "POST" and questions:
        limit = ip_limit()
        ip = ip_key(client_ip(request))
        if limit.is_exceeded(ip):
            return too_many_requests(request, limit)
        form = page.get_form(request.POST, page=page, user=request.user)
        if form.is_valid():
            try:
                services.store_answers(page, form, request.user)
            except DatabaseError:
                logger.exception("Could not store feedback answers")
                form.add_error(
                    None,
                    "Sorry, we could not save your answers just now. Nothing was "
                    "saved. Please try again in a few minutes.",
                )
            else:
                limit.hit(ip)
                sent = request.session.get(SENT_KEY, [])
                request.session[SENT_KEY] = [*sent[-9:], page.pk]
                return redirect(page.url + "?sent=1")
        return _render(request, page, FORM_TEMPLATE, {"form": form}, status=400)
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if request.GET.get("sent") and page.pk in request.session.get(SENT_KEY, []):
        return _render(request, page, THANKS_TEMPLATE, {})
    form = page.get_form(page=page, user=request.user) if questions else None
    return _render(request, page, FORM_TEMPLATE, {"form": form})
