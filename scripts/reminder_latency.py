"""How long one `send_event_reminders` run takes with 50,000 reminders due, and its queries.

Run by `make bench BENCH_ARGS=--volume` after `seed_volume` (which adds 2,000 events and
50,000 bookings whose one-day reminder is due), in one process with the bench's production
settings. The run queues each reminder email in the outbox and records it, batch by batch,
exactly as the hourly cron job does; nothing is delivered. Prints one JSON line: reminders
queued, seconds, SQL queries and queries per thousand reminders.
"""

REMINDERS = r"""
import json, time
import django
django.setup()
from django.db import connection
from django.test.utils import CaptureQueriesContext
from members.events import reminders

with CaptureQueriesContext(connection) as queries:
    started = time.perf_counter()
    queued = reminders.send_due()
    seconds = time.perf_counter() - started
print(json.dumps({
    "queued": queued,
    "seconds": round(seconds, 1),
    "queries": len(queries),
    "queries_per_thousand": round(len(queries) * 1000 / queued, 1) if queued else None,
}))
"""
