"""`make bench`: measure every kind of page against a static file on this machine.

Builds a database (SQLite file by default, or DATABASE_URL), loads the demo and optionally
the volume data, starts gunicorn with production settings (2 workers, 127.0.0.1 only), warms
up, then runs wrk for a bounded time per page. Prints a table and writes
bench-results/bench.json. Everything it starts, it stops.
"""

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench-results"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_probe import PROBE  # noqa: E402
from bench_targets import print_tables, print_targets, targets_missed  # noqa: E402
from publish_latency import PUBLISH  # noqa: E402
from reminder_latency import REMINDERS  # noqa: E402

PYTHON = sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args, env, **kwargs):
    return subprocess.run(args, cwd=ROOT, env=env, check=True, **kwargs)


def wait_for(url, deadline):
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


def production_env(workdir, label):
    """Production settings on 127.0.0.1 with a throwaway key and database in `workdir`."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY")
        or f"{label}-only-" + os.urandom(24).hex(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": os.environ.get("DATABASE_URL")
        or f"sqlite:///{workdir / (label + '.sqlite3')}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "REQUIRE_STAFF_MFA": "false",
    }


def prepare(env):
    """Static files, the cache table, the schema and the demo content."""
    manage = [PYTHON, "manage.py"]
    print("Preparing the database and static files …", flush=True)
    run([*manage, "collectstatic", "--noinput", "-v0"], env)
    # The cache table first: saving pages during migrate and load_demo touches the cache.
    run([*manage, "createcachetable"], env)
    run([*manage, "migrate", "--noinput", "-v0"], env)
    run([*manage, "load_demo", "--force"], env, stdout=subprocess.DEVNULL)


def gunicorn_args(port, workers, *extra):
    """The command line for the site under gunicorn, bound to 127.0.0.1 only."""
    gunicorn = str(Path(PYTHON).parent / "gunicorn")
    return [
        gunicorn,
        "website.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        *extra,
    ]


@contextlib.contextmanager
def serving(env):
    """gunicorn (2 sync workers, 127.0.0.1 only) for the length of the block; yields its
    base URL once /healthz answers, and always stops it."""
    port = free_port()
    server = subprocess.Popen(
        gunicorn_args(port, 2, "--log-level", "warning"), cwd=ROOT, env=env
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/healthz", time.monotonic() + 60)
        yield base
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


def parse_wrk(output):
    def number(pattern, default=0.0):
        match = re.search(pattern, output)
        return float(match.group(1)) if match else default

    def latency_ms(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        if not match:
            return None
        value, unit = float(match.group(1)), match.group(2)
        return round(
            value / 1000 if unit == "us" else value * 1000 if unit == "s" else value, 2
        )

    errors = int(number(r"Non-2xx or 3xx responses:\s+(\d+)"))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return {
        "rps": round(number(r"Requests/sec:\s+([\d.]+)"), 1),
        "p50_ms": latency_ms("50"),
        "p99_ms": latency_ms("99"),
        "errors": errors,
    }


VOLUME_PAGES = (
    "news index",
    "opportunities",
    "opportunities filtered",
    "search",
    "events",
    "event page",
    "my payments",
    "payment statement",
    "finance queue",
    "finance figures",
    "impact report",
    "impact by region",
    "funders' page",
)


def measure(env, pages, options):
    """Start gunicorn (2 workers, 127.0.0.1 only) with `env`, run wrk on each page, stop it."""
    rows = []
    with serving(env) as base:
        for page in pages:
            url = base + page["path"]
            headers = ["-H", f"Cookie: {page['cookie']}"] if page["cookie"] else []
            subprocess.run(
                ["wrk", "-t1", "-c2", "-d1s", *headers, url],
                capture_output=True,
                check=False,
            )
            wrk = subprocess.run(
                [
                    "wrk",
                    "-t2",
                    f"-c{options.connections}",
                    f"-d{options.seconds}s",
                    "--latency",
                    *headers,
                    url,
                ],
                capture_output=True,
                text=True,
                check=False,
                timeout=options.seconds + 30,
            )
            rows.append({**page, **parse_wrk(wrk.stdout)})
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 5))
    )
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument(
        "--volume", action="store_true", help="add the volume data set first"
    )
    parser.add_argument("--news", type=int, default=2000)
    parser.add_argument("--opportunities", type=int, default=2000)
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--enquiries", type=int, default=20000)
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--bookings", type=int, default=50000)
    parser.add_argument("--payment-lines", type=int, default=50000)
    options = parser.parse_args()

    if not shutil.which("wrk"):
        sys.exit(
            "wrk is not installed: `make bench` installs it with apt-get (Debian package wrk)."
        )
    RESULTS.mkdir(exist_ok=True)
    workdir = RESULTS / "run"
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir()
    env = production_env(workdir, "bench")
    database_url = env["DATABASE_URL"]
    manage = [PYTHON, "manage.py"]
    prepare(env)
    # Queries per request are counted without the page cache (a hit costs one cache read).
    uncached_env = {**env, "ANONYMOUS_PAGE_CACHE_SECONDS": "0"}
    probe = run([PYTHON, "-c", PROBE], uncached_env, capture_output=True, text=True)
    pages = json.loads(probe.stdout.strip().splitlines()[-1])

    print("Measuring without the page cache …", flush=True)
    rows = measure(uncached_env, pages, options)
    print("Measuring with the anonymous page cache …", flush=True)
    cacheable = [p for p in pages if not p["cookie"] and p["name"] != "static CSS"]
    cached = {r["name"]: r for r in measure(env, cacheable, options)}
    for row in rows:
        hit = cached.get(row["name"])
        row["cached_rps"] = hit["rps"] if hit else None
        row["cached_p99_ms"] = hit["p99_ms"] if hit else None

    volume_rows = []
    publish = reminders = None
    if options.volume:
        print("Adding the volume data set (seed_volume) …", flush=True)
        run(
            [
                *manage,
                "seed_volume",
                f"--news={options.news}",
                f"--opportunities={options.opportunities}",
                f"--members={options.members}",
                f"--enquiries={options.enquiries}",
                f"--events={options.events}",
                f"--bookings={options.bookings}",
            ],
            env,
        )
        run(
            [
                *manage,
                "seed_payments",
                f"--lines={options.payment_lines}",
                f"--people={options.members}",
            ],
            env,
        )
        probe = run([PYTHON, "-c", PROBE], uncached_env, capture_output=True, text=True)
        volume_pages = {
            p["name"]: p for p in json.loads(probe.stdout.strip().splitlines()[-1])
        }
        listing = [volume_pages[n] for n in VOLUME_PAGES if n in volume_pages]
        print("Measuring listings and search at volume size …", flush=True)
        small = {r["name"]: r for r in rows}
        for row in measure(uncached_env, listing, options):
            before = small.get(row["name"], {})
            volume_rows.append(
                {
                    "name": row["name"],
                    "small_rps": before.get("rps"),
                    "volume_rps": row["rps"],
                    "ratio": round(row["rps"] / before["rps"], 2)
                    if before.get("rps")
                    else None,
                    "small_queries": before.get("queries"),
                    "volume_queries": row["queries"],
                    "volume_p99_ms": row["p99_ms"],
                }
            )
        print("Timing publishes from the admin with the volume data …", flush=True)
        measured = run(
            [PYTHON, "-c", PUBLISH, "20"], uncached_env, capture_output=True, text=True
        )
        publish = json.loads(measured.stdout.strip().splitlines()[-1])
        print("Timing one reminder run over the volume bookings …", flush=True)
        sent = run(
            [PYTHON, "-c", REMINDERS], uncached_env, capture_output=True, text=True
        )
        reminders = json.loads(sent.stdout.strip().splitlines()[-1])

    static_rps = next((r["rps"] for r in rows if r["name"] == "static CSS"), 0) or 1
    for row in rows:
        row["fraction_of_static"] = round(row["rps"] / static_rps, 3)
        row["cached_fraction_of_static"] = (
            round(row["cached_rps"] / static_rps, 3) if row.get("cached_rps") else None
        )
        row.pop("cookie", None)
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} cores",
        "database": database_url.split(":", 1)[0],
        "seconds_per_page": options.seconds,
        "connections": options.connections,
        "volume": options.volume,
        "load_average": os.getloadavg()[0],
        "pages": rows,
        "volume_pages": volume_rows,
        "publish": publish,
        "reminders": reminders,
    }
    report["targets_missed"] = targets_missed(rows, publish, volume_rows)
    (RESULTS / "bench.json").write_text(json.dumps(report, indent=2))
    print_tables(report)
    print_targets(report)
    print(f"\nWritten to {(RESULTS / 'bench.json').relative_to(ROOT)}")
    if any(row["errors"] or row["status"] >= 400 for row in rows):
        sys.exit("Some pages answered with errors (see the table).")


if __name__ == "__main__":
    main()
