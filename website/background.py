"""Wagtail's background work off the request, and the retries the task libraries leave out.

Wagtail 8 hands its follow-up work to django-tasks: the search index and the reference
(usage) index after a save, CDN purges after a publish, deleting the files of replaced images
and documents. With ``TASKS`` on django-tasks-db's database backend (settings/base.py) each
one is a row written in the transaction that saved the page, and ``manage.py db_worker`` runs
it beside gunicorn, so publishing no longer waits for them. Neither library runs a task again
once it has raised (security checklist, finding 4): the row just says FAILED. So this module
adds what "nothing lost" needs:

- ``retry_failed(now)``, run by ``manage.py retry_failed_tasks`` from cron: failed tasks
  first queued in the last ``days`` go back in the queue until one has run ``max_attempts``
  times. Idempotent: a task put back is no longer failed, so a second run finds nothing.
- the admin "Background tasks" screen (programme staff and superusers, built from
  website/outbox_admin.py's pieces): counts by state, recent failures, a "Retry now" button
  that puts one back whatever its attempts.
- a retention step: finished tasks are deleted after a week, failed ones after 30 days.

Task arguments are record ids (app, model, primary key), page URLs and storage paths of
replaced files, never what people typed, so the data map (which maps the project's own apps)
does not list these rows.
"""

import signal
from datetime import timedelta

from django.contrib import messages
from django.core.management import call_command
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST, require_safe
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, TaskResultStatus, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from website import retention, roles
from website.outbox_admin import CheckedMenuItem, state_counts
from website.views import forbidden

S = TaskResultStatus
COUNTS = (
    (S.READY, "Waiting to run"),
    (S.RUNNING, "Running"),
    (S.FAILED, "Failed"),
    (S.SUCCESSFUL, "Done"),
)
RETRY_DAYS = 7
MAX_ATTEMPTS = 5
KEEP_SUCCESSFUL = timedelta(days=7)
KEEP_FAILED = timedelta(days=30)  # well past RETRY_DAYS, so staff can still see why
SHOWN_FAILURES = 50

# What each of Wagtail's tasks does, in staff's words; any other task shows its function.
LABELS = {
    "modelsearch.tasks.insert_or_update_object_task": "Update the site search",
    "wagtail.tasks.update_reference_index_task": "Update where things are used",
    "wagtail.tasks.delete_file_from_storage_task": "Delete a replaced file",
    "wagtail.images.tasks.set_image_focal_point_task": "Find an image's focal point",
    "wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task": (
        "Clear changed pages from the CDN"
    ),
}


def label(task_path):
    return (
        LABELS.get(task_path)
        or task_path.rsplit(".", 1)[-1].replace("_", " ").capitalize()
    )


def queues_tasks():
    """Whether this site queues tasks for a worker (False: they run in the request)."""
    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)


def can_manage_tasks(user):
    """Programme staff and superusers: the people who answer "why is search behind?"."""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.is_superuser or roles.is_staff(user))
    )


def requeue(queryset):
    """Put failed tasks back in the queue, in place: same id, and ``worker_ids`` (one entry
    per run, so the attempts) kept. Only rows still failed change, so two people or two cron
    runs never queue one task twice. Returns how many went back."""
    return queryset.filter(status=S.FAILED).update(
        status=S.READY,
        started_at=None,
        finished_at=None,
        return_value=None,
        exception_class_path="",
        traceback="",
    )


def retry_failed(now, days=RETRY_DAYS, max_attempts=MAX_ATTEMPTS):
    """(re-queued, given up): failed tasks first queued within ``days`` that have run fewer
    than ``max_attempts`` times go back in the queue; the others stay failed, on the screen."""
    recent = DBTaskResult.objects.failed().filter(
        enqueued_at__gte=now - timedelta(days=days)
    )
    due, given_up = [], 0
    for pk, worker_ids in recent.values_list("pk", "worker_ids").order_by():
        if len(worker_ids) < max_attempts:
            due.append(pk)
        else:
            given_up += 1
    requeued = sum(
        requeue(DBTaskResult.objects.filter(pk__in=due[start : start + 500]))
        for start in range(0, len(due), 500)
    )
    return requeued, given_up


def run_queued_tasks():
    """Run every queued task now, in this process: for commands that save many pages with
    no worker beside them (``load_demo``, the volume data), so search knows their pages.
    Does nothing where tasks already run in the request."""
    if not queues_tasks():
        return
    # The worker sets its own SIGINT/SIGTERM handlers; the calling command keeps its own.
    kept = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        call_command(
            "db_worker", batch=True, reload=False, startup_delay=False, verbosity=0
        )
    finally:
        for sig, handler in kept.items():
            signal.signal(sig, handler)


@retention.step("deleted {count} finished background tasks", order=95)
def purge_finished_tasks(now):
    """Done tasks go after KEEP_SUCCESSFUL, failed ones after KEEP_FAILED (the data map's
    "operational" records: ids and paths only)."""
    deleted, _ = (
        DBTaskResult.objects.successful()
        .filter(finished_at__lt=now - KEEP_SUCCESSFUL)
        .delete()
    )
    failed, _ = (
        DBTaskResult.objects.failed().filter(finished_at__lt=now - KEEP_FAILED).delete()
    )
    return deleted + failed


def last_error(traceback):
    """The traceback's last line: the exception and its message."""
    lines = [line for line in traceback.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


@require_safe
def tasks_view(request):
    if not can_manage_tasks(request.user):
        return forbidden(request)
    failures = DBTaskResult.objects.failed().order_by("-finished_at")[:SHOWN_FAILURES]
    rows = [
        {
            "pk": task.pk,
            "label": label(task.task_path),
            "failed_at": task.finished_at,
            "attempts": len(task.worker_ids),
            "error": last_error(task.traceback),
        }
        for task in failures
    ]
    counts = state_counts(DBTaskResult.objects, COUNTS)
    waiting = DBTaskResult.objects.filter(status=S.READY).order_by("enqueued_at")
    return TemplateResponse(
        request,
        "website/admin/background_tasks.html",
        {
            "rows": rows,
            "counts": counts,
            "oldest_waiting": waiting.values_list("enqueued_at", flat=True).first(),
            "queues_tasks": queues_tasks(),
            "max_attempts": MAX_ATTEMPTS,
            "retry_days": RETRY_DAYS,
        },
    )


@require_POST
def retry_view(request, pk):
    if not can_manage_tasks(request.user):
        return forbidden(request)
    task = get_object_or_404(DBTaskResult.objects.failed(), pk=pk)
    requeue(DBTaskResult.objects.filter(pk=task.pk))
    messages.success(
        request,
        f"“{label(task.task_path)}” is back in the queue; the task worker runs it "
        "within seconds.",
    )
    return redirect("background_tasks")


admin_urls = [
    path("background-tasks/", tasks_view, name="background_tasks"),
    path(
        "background-tasks/<uuid:pk>/retry/", retry_view, name="background_tasks_retry"
    ),
]


def menu_item():
    return CheckedMenuItem(
        "Background tasks",
        reverse("background_tasks"),
        icon_name="cogs",
        order=265,
        check=can_manage_tasks,
    )
