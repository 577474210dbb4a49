"""How long an editor waits when publishing from the admin, with the volume data loaded.

Run by `make bench BENCH_ARGS=--volume` after `seed_volume` (2,000 news articles), in one
process with the bench's production settings: the editor saves a new draft of a news
article, then publishes it through the admin's publish action (a real POST through every
middleware, CSRF checks off as in Django's test client). Wagtail's own follow-up work
(search index, reference index, front-end cache purge) goes to the task queue under
production settings, so the time measured is what the editor waits for, not the queue.
Prints one JSON line: the count, median and p95 in milliseconds, and the tasks queued.
"""

PUBLISH = r"""
import json, statistics, sys, time
import django
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page

rounds = int(sys.argv[1])
editor = get_user_model().objects.get(email="editor@example.org")
client = Client(HTTP_HOST="127.0.0.1")
client.force_login(editor)
page = (
    Page.objects.live().filter(url_path__startswith="/home/news/", depth__gte=4)
    .order_by("-pk").first().specific
)
try:
    from django_tasks_db.models import DBTaskResult
except ImportError:  # no database task backend installed
    DBTaskResult = None
queued_before = DBTaskResult.objects.count() if DBTaskResult else 0
title = page.title
timings = []
for number in range(rounds + 2):
    page.title = f"{title} ({number % 2})"
    page.save_revision(user=editor)
    started = time.perf_counter()
    response = client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/",
        {"include_descendants": ""},
    )
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 302:
        sys.exit(f"publishing answered {response.status_code}, not a redirect")
    if number >= 2:  # the first two warm the process up
        timings.append(elapsed)
page.refresh_from_db()
timings.sort()
print(json.dumps({
    "publishes": len(timings),
    "median_ms": round(statistics.median(timings), 1),
    "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 1),
    "tasks_queued": (DBTaskResult.objects.count() - queued_before) if DBTaskResult else None,
    "live_title": page.title,
}))
"""
