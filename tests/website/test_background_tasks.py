"""Wagtail's background work leaves the request, a worker runs it, and failures come back.

With the database backend (production's), publishing a page queues Wagtail's search-index
and reference-index tasks instead of running them; ``db_worker --batch`` runs them; a task
that raises is shown on the staff "Background tasks" screen and ``retry_failed_tasks`` (or
the screen's button) puts it back in the queue, at most a set number of times.
"""

import signal
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks import task
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from tests.factories.home import make_content_page
from website import background

pytestmark = pytest.mark.django_db

SCREEN = "/admin/background-tasks/"
QUEUED = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
READY, RUNNING, FAILED, SUCCESSFUL = "READY", "RUNNING", "FAILED", "SUCCESSFUL"

# The flaky task below fails while this holds True: a CDN or disk that is down, then back.
OUTAGE = {"down": True}


@task()
def purge_flaky_cdn(path):
    if OUTAGE["down"]:
        raise ConnectionError(f"The CDN did not answer for {path}")
    return path


@pytest.fixture
def queued_tasks():
    """The database backend, as in production; restored to the suite's immediate one."""
    OUTAGE["down"] = True
    with override_settings(TASKS=QUEUED):
        yield


def run_worker():
    """One pass of django-tasks-db's worker: every task due, then it stops. The worker
    installs its own signal handlers; the test runner gets its own back."""
    kept = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    # Between tasks the worker closes connections that are not in autocommit mode; inside
    # the test's transaction that would be the test's own connection (PostgreSQL; SQLite's
    # in-memory test database ignores a close).
    housekeeping = db_worker.close_old_connections
    db_worker.close_old_connections = lambda: None
    try:
        call_command(
            "db_worker",
            batch=True,
            reload=False,
            startup_delay=False,
            interval=0,
            verbosity=0,
        )
    finally:
        db_worker.close_old_connections = housekeeping
        for sig, handler in kept.items():
            signal.signal(sig, handler)


def tasks_about(page):
    """Task rows whose arguments name this page."""
    return [
        row
        for row in DBTaskResult.objects.all()
        if str(page.pk) in [str(arg) for arg in row.args_kwargs["args"]]
    ]


def failed_task(path="/news/", attempts=1, age=timedelta(minutes=5)):
    """A purge that raised in the worker ``attempts`` times, first queued ``age`` ago."""
    result = purge_flaky_cdn.enqueue(path)
    row = DBTaskResult.objects.get(pk=result.id)
    for n in range(attempts):
        row.claim(f"worker-{n}")
    row.set_failed(ConnectionError(f"The CDN did not answer for {path}"))
    DBTaskResult.objects.filter(pk=row.pk).update(
        enqueued_at=timezone.now() - age, finished_at=timezone.now() - age
    )
    return row


def retry_command(*args):
    out = StringIO()
    call_command("retry_failed_tasks", *args, stdout=out)
    return out.getvalue()


# --- off the request ------------------------------------------------------------------


def test_publishing_a_page_queues_wagtails_tasks_instead_of_running_them(
    home_page, queued_tasks
):
    page = make_content_page(home_page, title="Quokka gardens")

    rows = tasks_about(page)
    paths = {row.task_path for row in rows}
    assert "modelsearch.tasks.insert_or_update_object_task" in paths
    assert "wagtail.tasks.update_reference_index_task" in paths
    assert {row.status for row in rows} == {READY}
    # Nothing ran yet: the search index does not know the page.
    assert not Page.objects.live().search("Quokka")


def test_one_pass_of_the_worker_runs_the_queued_tasks(home_page, queued_tasks):
    page = make_content_page(home_page, title="Quokka gardens")

    run_worker()

    assert {row.status for row in tasks_about(page)} == {SUCCESSFUL}
    assert [found.pk for found in Page.objects.live().search("Quokka")] == [page.pk]


def test_the_suite_and_make_run_keep_the_immediate_backend(home_page):
    page = make_content_page(home_page, title="Quokka gardens")
    assert not DBTaskResult.objects.exists()
    assert [found.pk for found in Page.objects.live().search("Quokka")] == [page.pk]


# --- retries ----------------------------------------------------------------------------


def test_a_failed_task_is_requeued_by_the_command_and_then_runs(queued_tasks):
    purge_flaky_cdn.enqueue("/news/")
    run_worker()
    row = DBTaskResult.objects.get()
    assert row.status == FAILED
    assert row.exception_class_path == "builtins.ConnectionError"

    OUTAGE["down"] = False
    assert "Re-queued 1 failed task" in retry_command()
    row.refresh_from_db()
    assert row.status == READY

    run_worker()
    row.refresh_from_db()
    assert row.status == SUCCESSFUL
    assert row.return_value == "/news/"
    assert len(row.worker_ids) == 2  # two attempts


def test_retrying_twice_requeues_once(queued_tasks):
    failed_task()
    assert "Re-queued 1 failed task" in retry_command()
    assert "Re-queued 0 failed tasks" in retry_command()
    assert DBTaskResult.objects.get().status == READY


def test_tasks_past_the_attempt_limit_or_too_old_are_left_failed(queued_tasks):
    spent = failed_task(attempts=3)
    old = failed_task(age=timedelta(days=8))
    fresh = failed_task(attempts=2)

    output = retry_command("--max-attempts", "3", "--days", "7")

    assert "Re-queued 1 failed task" in output
    assert "1 gave up after 3 attempts" in output
    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert statuses[spent.pk] == FAILED
    assert statuses[old.pk] == FAILED
    assert statuses[fresh.pk] == READY


# --- the staff screen -------------------------------------------------------------------


def test_staff_see_counts_and_the_failure_with_a_retry_button(client, staff):
    with override_settings(TASKS=QUEUED):
        failed_task("/about/")
        purge_flaky_cdn.enqueue("/news/")
    client.force_login(staff)

    response = client.get(SCREEN)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Waiting to run" in html and "Failed" in html
    assert {status: n for _label, n, status in response.context["counts"]} == {
        READY: 1,
        RUNNING: 0,
        FAILED: 1,
        SUCCESSFUL: 0,
    }
    assert "The CDN did not answer for /about/" in html
    assert html.count("Retry now<span") == 1


def test_the_retry_button_puts_the_task_back_in_the_queue(client, superuser):
    with override_settings(TASKS=QUEUED):
        row = failed_task(attempts=9)
    client.force_login(superuser)

    response = client.post(f"{SCREEN}{row.pk}/retry/")

    assert response.status_code == 302
    assert response["Location"] == SCREEN
    row.refresh_from_db()
    assert row.status == READY  # a person's retry ignores the automatic limit


def test_the_retry_button_needs_the_csrf_token(staff):
    with override_settings(TASKS=QUEUED):
        row = failed_task()
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    assert client.post(f"{SCREEN}{row.pk}/retry/").status_code == 403
    row.refresh_from_db()
    assert row.status == FAILED


def test_a_task_that_is_not_failed_cannot_be_retried(client, staff):
    with override_settings(TASKS=QUEUED):
        result = purge_flaky_cdn.enqueue("/news/")
    client.force_login(staff)
    assert client.post(f"{SCREEN}{result.id}/retry/").status_code == 404


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(SCREEN)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_members_are_sent_to_their_portal(client, member):
    client.force_login(member)
    response = client.get(SCREEN)
    assert response.status_code == 302
    assert response["Location"] == "/portal/"


def test_editors_are_refused_the_screen_and_the_button(client, editor):
    with override_settings(TASKS=QUEUED):
        row = failed_task()
    client.force_login(editor)
    assert client.get(SCREEN).status_code == 403
    assert client.post(f"{SCREEN}{row.pk}/retry/").status_code == 403
    row.refresh_from_db()
    assert row.status == FAILED


def test_the_menu_item_is_shown_to_staff_only(client, staff, editor):
    client.force_login(staff)
    assert SCREEN in client.get("/admin/").content.decode()
    client.force_login(editor)
    assert SCREEN not in client.get("/admin/").content.decode()


def test_the_screen_reads_in_a_fixed_number_of_queries(
    client, staff, django_assert_max_num_queries
):
    with override_settings(TASKS=QUEUED):
        for n in range(30):
            failed_task(f"/page-{n}/")
    client.force_login(staff)
    with django_assert_max_num_queries(12):
        assert client.get(SCREEN).status_code == 200


def test_old_finished_tasks_are_purged_with_the_other_retention_steps(queued_tasks):
    done = failed_task(age=timedelta(days=40))
    DBTaskResult.objects.filter(pk=done.pk).update(status=SUCCESSFUL)
    old_failure = failed_task(age=timedelta(days=40))
    recent_failure = failed_task(age=timedelta(days=2))
    waiting = purge_flaky_cdn.enqueue("/news/")

    assert background.purge_finished_tasks(timezone.now()) == 2

    left = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert left == {recent_failure.pk, DBTaskResult.objects.get(pk=waiting.id).pk}
    assert old_failure.pk not in left
