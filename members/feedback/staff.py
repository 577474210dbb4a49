"""The "Feedback" screen in the admin: every feedback form with how many answers it has,
each linking to Wagtail's answers listing and its export (members/feedback/submissions.py).
For programme staff, who cannot open Wagtail's own "Forms" list (it needs page rights), and
editors alike; everyone else gets a real 403 page."""

from django.conf import settings
from django.db.models import Count, Max
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET
from wagtail.contrib.forms.utils import get_forms_for_user

from members.feedback import permissions as perms
from members.feedback.models import FeedbackPage, FeedbackSubmission
from website.views import forbidden


def forms_for(user):
    """The feedback forms whose answers `user` may read, with their counts (two queries)."""
    pages = FeedbackPage.objects.select_related("event").order_by("title", "pk")
    if not perms.reads_all(user):
        pages = pages.filter(pk__in=get_forms_for_user(user).values("pk"))
    pages = list(pages)
    counts = {
        row["page"]: row
        for row in FeedbackSubmission.objects.filter(page__in=[p.pk for p in pages])
        .values("page")
        .annotate(answers=Count("pk"), latest=Max("submit_time"))
    }
    for page in pages:
        page.answers = counts.get(page.pk, {}).get("answers", 0)
        page.latest = counts.get(page.pk, {}).get("latest")
    return pages


@require_GET
def index(request):
    pages = forms_for(request.user)
    if not pages and not perms.reads_all(request.user):
        return forbidden(request)
    return render(
        request,
        "members/feedback/admin/index.html",
        {"pages": pages, "retention_days": settings.FEEDBACK_RETENTION_DAYS},
    )


admin_urls = [path("", index, name="index")]
