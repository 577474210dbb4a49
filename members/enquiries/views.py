"""The public enquiry form and its confirmation page, served by EnquiryPage's routes.

Thin views: spam checks come from `website.spam`, storing and mail from the enquiry service.
"""

import logging

from django.db import DatabaseError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.debug import sensitive_post_parameters

from members.enquiries.forms import EnquiryForm
from members.enquiries.models import Enquiry
from members.enquiries.services import submit_enquiry
from website import fragments
from website.spam import (
    check_form_token,
    client_ip,
    email_key,
    enquiry_email_limit,
    enquiry_ip_limit,
    ip_key,
    make_form_token,
)
from website.views import too_many_requests

logger = logging.getLogger(__name__)
SESSION_KEY = "enquiry_reference"
# Held as suspected spam: no confirmation was sent, and the thank-you page must not say so.
HELD_KEY = "enquiry_held"


def _render(request, page, template, context, status=200):
    response = TemplateResponse(
        request, template, {**page.get_context(request), **context}, status=status
    )
    # Each render carries a one-time token and a timestamp, so it must never be cached.
    add_never_cache_headers(response)
    return response


@sensitive_post_parameters(
    "full_name", "email", "phone", "message", "access_needs", "heard_about"
)
def enquiry_form(request, page):
    """Show the form (GET) or store an enquiry and redirect to the confirmation (POST)."""
    types = page.get_enquiry_types()
    notice = ""
    if request.method == "POST":
        ip_limit = enquiry_ip_limit()
        ip = ip_key(client_ip(request))
        if ip_limit.is_exceeded(ip):
            return too_many_requests(request, ip_limit)
        data = request.POST.copy()
        check = check_form_token(data.get("form_token"))
        if check.expired:
            # A slow, real person: keep what they typed and ask them to send it again.
            data["form_token"] = make_form_token()
            notice = (
                "This page was open for a long time, so please check your answers and "
                "send your enquiry again."
            )
        form = EnquiryForm(data, enquiry_types=types)
        if not check.expired and form.is_valid():
            email_limit = enquiry_email_limit()
            email = email_key(form.cleaned_data["email"])
            if email_limit.is_exceeded(email):
                return too_many_requests(request, email_limit)
            spam_reason = check.spam_reason
            if data.get("website"):
                spam_reason = "honeypot filled"
            try:
                enquiry, created = submit_enquiry(
                    page, form.cleaned_data, check.submission_token, spam_reason
                )
            except DatabaseError:
                logger.exception("Could not store an enquiry")
                form.add_error(
                    None,
                    "Sorry, we could not send your enquiry just now. Nothing was saved. "
                    "Please try again in a few minutes.",
                )
            else:
                if created:
                    ip_limit.hit(ip)
                    email_limit.hit(email)
                request.session[SESSION_KEY] = enquiry.reference
                request.session[HELD_KEY] = enquiry.status == Enquiry.Status.SPAM
                return redirect(page.url + page.reverse_subpage("thank_you"))
    else:
        initial = {"form_token": make_form_token()}
        # "Contact this network" links here with ?network=<page id>: preselect it.
        network = request.GET.get("network", "")
        if network.isdigit() and len(network) < 12:
            initial["network"] = int(network)
        form = EnquiryForm(initial=initial, enquiry_types=types)
        # A blank form's questions are the same for every visitor with the same query (the
        # one-time token and the CSRF field stay outside): rendered once, then kept.
        fields_html = fragments.rendered(
            request,
            f"enquiry-fields:{page.pk}",
            "members/enquiries/_fields.html",
            lambda: {"form": form, "page": page},
            vary=fragments.with_query(request),
        )
        return _render(
            request,
            page,
            "members/enquiry_page.html",
            {"form": form, "notice": notice, "fields_html": fields_html},
        )
    return _render(
        request,
        page,
        "members/enquiry_page.html",
        {"form": form, "notice": notice},
    )


def enquiry_thank_you(request, page):
    """The confirmation after POST-redirect-GET: reloading shows it again, never resubmits."""
    reference = request.session.get(SESSION_KEY)
    if not reference:
        return redirect(page.url)
    return _render(
        request,
        page,
        "members/enquiry_page_thank_you.html",
        {"reference": reference, "held": request.session.get(HELD_KEY, False)},
    )
