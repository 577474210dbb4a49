"""The "Email outbox" admin screen: how many messages are waiting, sent, retrying and failed,
and the ones that need a person (failed or retrying) with a "Retry now" button.

It belongs to the core because every feature's mail goes through the one outbox
(website/notify.py); the counts are read from post_office's own table, so they say what is
true rather than what the screen hopes. Its pieces (``state_counts``, ``CheckedMenuItem``)
also build the "Background tasks" screen (website/background.py).
"""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST, require_safe
from post_office.models import STATUS, Email
from wagtail.admin.menu import MenuItem

from website.views import forbidden

NEEDS_A_PERSON = (STATUS.failed, STATUS.requeued)
COUNTS = (
    (STATUS.queued, "Waiting to be sent"),
    (STATUS.requeued, "Retrying"),
    (STATUS.failed, "Failed"),
    (STATUS.sent, "Sent"),
)


def can_manage_outbox(user):
    """Staff whose group may change outbox mail (granted with the enquiry permissions)."""
    return user.is_active and user.has_perm("post_office.change_email")


def state_counts(queryset, labelled_states):
    """[(label, number, status)] for each (status, label), in the order given (one query)."""
    found = dict(queryset.values_list("status").annotate(n=Count("pk")).order_by())
    return [(label, found.get(status, 0), status) for status, label in labelled_states]


def outbox_counts():
    """[(label, number, status)] in the order people read them (one query)."""
    return state_counts(Email.objects, COUNTS)


def undelivered():
    """Messages the worker could not send yet, newest trouble first."""
    return Email.objects.filter(status__in=NEEDS_A_PERSON).order_by("-last_updated")


def retry(email):
    """Put a failed message back in the queue for the worker's next pass."""
    Email.objects.filter(pk=email.pk).update(
        status=STATUS.queued, scheduled_time=None, number_of_retries=0
    )


@require_safe
def outbox_view(request):
    if not can_manage_outbox(request.user):
        return forbidden(request)
    rows = []
    for email in undelivered().prefetch_related("logs")[:100]:
        logs = sorted(email.logs.all(), key=lambda log: log.date, reverse=True)
        rows.append({"email": email, "last_log": logs[0] if logs else None})
    counts = outbox_counts()
    waiting = {status: n for _label, n, status in counts}
    return TemplateResponse(
        request,
        "website/admin/outbox.html",
        {
            "rows": rows,
            "counts": counts,
            "queued": waiting[STATUS.queued],
            "all_delivered": not any(
                waiting[s] for s in (STATUS.queued, *NEEDS_A_PERSON)
            ),
        },
    )


@require_POST
def outbox_retry_view(request, pk):
    if not can_manage_outbox(request.user):
        return forbidden(request)
    retry(get_object_or_404(undelivered(), pk=pk))
    messages.success(
        request,
        "The email is back in the queue; the worker will send it within a minute.",
    )
    return redirect("outbox")


admin_urls = [
    path("enquiry-outbox/", outbox_view, name="outbox"),
    path("enquiry-outbox/<int:pk>/retry/", outbox_retry_view, name="outbox_retry"),
]


class CheckedMenuItem(MenuItem):
    """An admin menu item shown only to people ``check(user)`` admits; the screen behind it
    checks again, since a hidden link is no protection."""

    def __init__(self, *args, check, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check

    def is_shown(self, request):
        return self.check(request.user)


def menu_item():
    return CheckedMenuItem(
        "Email outbox",
        reverse("outbox"),
        icon_name="mail",
        order=260,
        check=can_manage_outbox,
    )
