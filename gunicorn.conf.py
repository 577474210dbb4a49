"""gunicorn's settings, read from the working directory by `gunicorn website.wsgi`
(`make serve`, `make bench`, and a deployment run from the repository).

Tail latency: each worker holds about 200,000 long-lived objects (Django, Wagtail, the
URLconf, compiled templates). Python's full garbage collection walks all of them, about
100 ms on this project's benchmark machine, every thousand or so requests, and the request
that triggers it (and those queued behind it) wait. Freezing what exists once the worker
has loaded the site, and again once it has served its first requests (templates, menus,
per-process caches), takes those objects out of every later collection; objects made
afterwards are collected as before. Measured in process on the home page: the slowest of
1,500 requests went from about 100 ms to about 10 ms.
"""

import gc

# Requests a worker serves before freezing a second time: by then templates are compiled
# and each page type's per-process pieces are built.
SETTLE_AFTER_REQUESTS = 200


def _freeze():
    gc.collect()
    gc.freeze()


def post_worker_init(worker):
    """The site is loaded in this worker: freeze it before the first request."""
    worker.voices_requests = 0
    _freeze()


def post_request(worker, req, environ, resp):
    """Runs after the response is sent; freezes once more after the warm-up requests."""
    worker.voices_requests = getattr(worker, "voices_requests", 0) + 1
    if worker.voices_requests == SETTLE_AFTER_REQUESTS:
        _freeze()
