"""`make fault-db` (RL-6, RL-7): PostgreSQL goes away in the middle of a mixed load.

A throwaway cluster on 127.0.0.1, gunicorn with 2 workers and production settings
(CONN_MAX_AGE=60, CONN_HEALTH_CHECKS=True). Visitors browse public pages, submit enquiries
that each carry a client-side marker, and members sign in and open their dashboard. Part way
through, PostgreSQL is stopped for a few seconds and started again; gunicorn is left alone.

Passes when errors happen only inside the outage window (plus one request per worker), no
response carries a traceback, the site recovers by itself, every acknowledged enquiry is
stored exactly once, and /healthz says 503 during the outage and 200 afterwards.
"""

import argparse
import random
import threading
import time
import uuid

from scripts.drills.common import drill_env, log, prepare_site, run_drill, workdir_for
from scripts.drills.servers import Gunicorn, PostgresCluster
from scripts.drills.web import (
    Browser,
    enquiry_markers_in_database,
    leaks_traceback,
    submit_enquiry,
)

PAGES = ["/", "/news/", "/networks/", "/opportunities/", "/enquire/", "/search/?q=care"]
MEMBERS = ["member@example.org", "cochair@example.org"]


class Load:
    """Visitor threads that record every response with its start time."""

    def __init__(self, base, seconds):
        self.base = base
        self.until = time.monotonic() + seconds
        self.records = []  # (started, kind, status or error, leaked traceback, ended)
        self.enquiries = []
        self.lock = threading.Lock()

    def record(self, started, kind, outcome, leaked=False):
        with self.lock:
            self.records.append((started, kind, outcome, leaked, time.monotonic()))

    def call(self, kind, func, ok_statuses):
        started = time.monotonic()
        try:
            response = func()
        except OSError as exc:
            self.record(started, kind, type(exc).__name__)
            return None
        outcome = (
            response.status
            if response.status in ok_statuses
            else f"HTTP {response.status}"
        )
        self.record(started, kind, outcome, leaks_traceback(response.body))
        return response

    def visitor(self, seed):
        rng = random.Random(seed)  # noqa: S311 - picks pages, not secrets
        browser = Browser(self.base)
        while time.monotonic() < self.until:
            path = rng.choice(PAGES)
            self.call(f"GET {path}", lambda p=path: browser.get(p), {200})
            time.sleep(rng.uniform(0.05, 0.2))

    def member(self, email):
        browser = Browser(self.base)
        signed_in = False
        while time.monotonic() < self.until:
            if not signed_in:
                response = self.call("sign-in", lambda: browser.sign_in(email), {302})
                signed_in = bool(response and response.status == 302)
                if not signed_in:
                    time.sleep(1)  # stay well under allauth's login rate limit
                    continue
            response = self.call("dashboard", lambda: browser.get("/portal/"), {200})
            if response is not None and response.status == 302:
                signed_in = False
            time.sleep(0.3)

    def enquirer(self):
        while time.monotonic() < self.until - 4:
            attempt = submit_enquiry(Browser(self.base), uuid.uuid4().hex)
            started = attempt.post.started if attempt.post else time.monotonic()
            if attempt.acknowledged:
                self.record(started, "enquiry", 302)
            else:
                leaked = bool(attempt.post and leaks_traceback(attempt.post.body))
                self.record(
                    started, "enquiry", attempt.error or "not acknowledged", leaked
                )
                time.sleep(1)  # a person would wait before trying again
            with self.lock:
                self.enquiries.append(attempt)

    def run(self, visitors=3, enquirers=2):
        threads = [
            threading.Thread(target=self.visitor, args=(i,)) for i in range(visitors)
        ]
        threads += [threading.Thread(target=self.member, args=(m,)) for m in MEMBERS]
        threads += [threading.Thread(target=self.enquirer) for _ in range(enquirers)]
        for thread in threads:
            thread.daemon = True
            thread.start()
        return threads


def body(options):
    def drill(summary, stack):
        workdir = workdir_for("fault-db")
        log("Creating a PostgreSQL cluster on 127.0.0.1 …")
        cluster = PostgresCluster("faultdb")
        stack.callback(cluster.drop)
        env = drill_env(workdir, cluster.url, ENQUIRY_RATE_LIMIT_PER_IP=100_000)
        log(f"Cluster {cluster.name} on port {cluster.port}; preparing the site …")
        prepare_site(env, cluster=cluster)
        server = Gunicorn(env, workdir, workers=2)
        stack.callback(server.stop)
        master_pid = server.pid
        log(f"gunicorn pid {master_pid} on {server.base}; load for {options.seconds}s")

        load = Load(server.base, options.seconds)
        threads = load.run()
        health = []
        probe = Browser(server.base, timeout=10)

        def poll_health():
            while time.monotonic() < load.until:
                started = time.monotonic()
                try:
                    health.append((started, probe.get("/healthz").status))
                except OSError:
                    health.append((started, "error"))
                time.sleep(0.5)

        health_thread = threading.Thread(target=poll_health, daemon=True)
        health_thread.start()

        time.sleep(options.restart_at)
        log(f"Stopping PostgreSQL for {options.outage}s …")
        outage_start = time.monotonic()
        cluster.ctl("stop")
        stopped_at = time.monotonic()
        time.sleep(options.outage)
        starting_at = time.monotonic()
        cluster.ctl("start")
        outage_end = time.monotonic()
        log(f"PostgreSQL back after {outage_end - outage_start:.1f}s")
        for thread in [*threads, health_thread]:
            thread.join(timeout=options.seconds + 60)

        window_end = outage_end + options.grace
        errors = [r for r in load.records if not isinstance(r[2], int)]
        # A request counts as inside the window if it was in progress at any time within it.
        outside = [
            r for r in errors if not (r[0] <= window_end and r[4] >= outage_start - 1)
        ]
        leaked = [r for r in load.records if r[3]]
        after = [r for r in load.records if r[0] > window_end]
        kinds = {}
        for record in load.records:
            kinds.setdefault(record[1].split(" ")[0], [0, 0])
            kinds[record[1].split(" ")[0]][0 if isinstance(record[2], int) else 1] += 1
        summary.fact("requests", len(load.records))
        summary.fact(
            "ok / errors by kind", {k: f"{v[0]}/{v[1]}" for k, v in kinds.items()}
        )
        summary.fact("outage seconds", round(outage_end - outage_start, 1))
        summary.fact(
            "error outcomes", sorted({str(r[2]) for r in errors}) if errors else "none"
        )
        if outside:
            summary.fact(
                "errors outside the window (start/end s from the stop, kind, outcome)",
                [
                    (
                        round(r[0] - outage_start, 1),
                        round(r[4] - outage_start, 1),
                        r[1],
                        r[2],
                    )
                    for r in outside[:10]
                ],
            )
        summary.check(
            f"errors only in the outage window (+{options.grace}s) plus one per worker",
            len(outside) <= 2,
            f"{len(errors)} errors, {len(outside)} outside the window",
        )
        summary.check(
            "no response leaks a traceback", not leaked, f"{len(leaked)} leaked"
        )
        summary.check(
            "recovered without restarting gunicorn",
            server.alive()
            and server.pid == master_pid
            and after
            and all(isinstance(r[2], int) for r in after),
            f"{len(after)} requests after the window, all fine"
            if after and all(isinstance(r[2], int) for r in after)
            else f"{sum(1 for r in after if not isinstance(r[2], int))} failed after the window",
        )
        during = [s for t, s in health if stopped_at <= t <= starting_at]
        later = [s for t, s in health if t > outage_end + 3]
        summary.check(
            "/healthz is 503 during the outage",
            during and all(s == 503 for s in during),
            f"{during}",
        )
        summary.check(
            "/healthz is 200 after the outage",
            later and all(s == 200 for s in later),
            f"{len(later)} probes after, statuses {sorted(set(map(str, later)))}",
        )
        acknowledged = [a for a in load.enquiries if a.acknowledged]
        refused = [a for a in load.enquiries if not a.acknowledged]
        counts = enquiry_markers_in_database(env, [a.marker for a in load.enquiries])
        summary.fact(
            "enquiries acknowledged / refused", f"{len(acknowledged)} / {len(refused)}"
        )
        summary.check(
            "every acknowledged enquiry is stored exactly once",
            acknowledged and all(counts.get(a.marker) == 1 for a in acknowledged),
            f"{sum(1 for a in acknowledged if counts.get(a.marker) == 1)}/{len(acknowledged)}",
        )
        summary.check(
            "no refused enquiry was stored twice",
            all(counts.get(a.marker, 0) <= 1 for a in refused),
            f"{len(refused)} refused; {sum(1 for a in refused if counts.get(a.marker))} "
            "of them stored once anyway (the store committed as the connection broke)",
        )

    return drill


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--restart-at", type=int, default=20)
    parser.add_argument("--outage", type=int, default=6)
    parser.add_argument("--grace", type=int, default=10)
    run_drill("fault-db", body(parser.parse_args()))


if __name__ == "__main__":
    main()
