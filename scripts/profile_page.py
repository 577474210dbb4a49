"""`make profile PAGE=/`: where the time goes in one page, before changing anything.

Builds the demo site with production settings in bench-results/profile/ (like `make bench`),
then, in one process with the page cache off, requests the page a few times to warm it and
profiles the next `--requests` requests with cProfile. Prints the time per request, the
queries per request and the functions with the most cumulative time, filtered to this
project's code unless `--all`. `--member` profiles the page signed in as the demo member.
Nothing is served on a port; nothing is left running.
"""

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import PYTHON, RESULTS, prepare, production_env, run  # noqa: E402

PROFILE = r"""
import cProfile, io, pstats, sys, time
import django
django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

path, requests, member, show_all, limit = (
    sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1", sys.argv[4] == "1", int(sys.argv[5])
)
client = Client(HTTP_HOST="127.0.0.1")
if member:
    client.force_login(get_user_model().objects.get(email="member@example.org"))
for _ in range(3):  # renditions, menus and per-process caches are made once
    response = client.get(path)
if response.status_code != 200:
    sys.exit(f"{path} answered {response.status_code}, not 200")
with CaptureQueriesContext(connection) as queries:
    response = client.get(path)
query_count = len(queries)  # now: each request clears the connection's query log
profiler = cProfile.Profile()
started = time.perf_counter()
profiler.enable()
for _ in range(requests):
    client.get(path)
profiler.disable()
elapsed = (time.perf_counter() - started) / requests
print(f"{path}: {elapsed * 1000:.1f} ms a request under the profiler, "
      f"{query_count} queries, {len(response.content) / 1024:.1f} KB")
out = io.StringIO()
stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
if show_all:
    stats.print_stats(limit)
else:
    stats.print_stats(r"/(home|members|networks|website)/", limit)
print(out.getvalue())
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("page", nargs="?", default="/", help="the path, e.g. /news/")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--member", action="store_true", help="signed in as the member")
    parser.add_argument("--all", action="store_true", help="libraries' functions too")
    parser.add_argument("--limit", type=int, default=30, help="rows to print")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the database of the last run"
    )
    options = parser.parse_args()
    workdir = RESULTS / "profile"
    env = production_env(workdir, "profile")
    if not (options.reuse and (workdir / "profile.sqlite3").exists()):
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir(parents=True)
        prepare(env)
    run(
        [
            PYTHON,
            "-c",
            PROFILE,
            options.page,
            str(options.requests),
            "1" if options.member else "0",
            "1" if options.all else "0",
            str(options.limit),
        ],
        {**env, "ANONYMOUS_PAGE_CACHE_SECONDS": "0"},
        stdout=None,
        stderr=subprocess.STDOUT,
    )


if __name__ == "__main__":
    main()
