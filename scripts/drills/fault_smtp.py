"""`make fault-smtp` (RL-1, RL-2): an SMTP server that accepts and never answers, under load.

1. A TCP listener on 127.0.0.1 accepts connections and never says a word.
2. gunicorn (production settings, 2 workers, EMAIL_TIMEOUT 10 s as in production) and the
   outbox worker (EMAIL_TIMEOUT 1 s, to keep the drill short) point EMAIL_HOST/PORT at it.
3. Concurrent visitors fetch /enquire/, pause like people, and submit.
4. The POST p95 stays within budget, every acknowledged reference is stored exactly once, and
   its mail is pending with failed attempts logged (nothing sent, nothing lost).
5. A real SMTP sink (aiosmtpd) takes over the same port; the worker delivers every message
   exactly once within a bounded time, and a further pass sends nothing more.
"""

import argparse
import socket
import threading
import time

from scripts.drills.common import (
    django_json,
    log,
    percentile,
    run_drill,
    stop_process,
    workdir_for,
)
from scripts.drills.servers import Gunicorn
from scripts.drills.web import Browser, run_concurrently, submit_enquiry


class StalledSMTP:
    """Accepts every connection and never answers: the worst kind of broken mail relay."""

    def __init__(self, port):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen(128)
        self.port = self.sock.getsockname()[1]
        self.held = []
        self.accepted = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        self.sock.settimeout(0.5)
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted += 1
            self.held.append(conn)

    def close(self):
        self.running = False
        self.thread.join(timeout=2)
        for conn in self.held:
            conn.close()
        self.sock.close()


class Sink:
    """aiosmtpd handler that records every message it is given."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(
            (list(envelope.rcpt_tos), envelope.content.decode("utf-8", "replace"))
        )
        return "250 Message accepted for delivery"


OUTBOX_STATE = """
from post_office.models import Email, Log, STATUS
references = {references!r}
rows = []
for reference in references:
    for email in Email.objects.filter(subject__contains=reference):
        rows.append({{"reference": reference, "id": email.id, "status": email.status,
                      "to": email.to, "subject": email.subject,
                      "failed_logs": Log.objects.filter(email=email, status=STATUS.failed).count()}})
print(json.dumps(rows))
"""

RETRY_NOW = """
from django.utils import timezone
from post_office.models import Email, STATUS
updated = Email.objects.filter(status=STATUS.requeued).update(scheduled_time=timezone.now())
print(json.dumps(updated))
"""


def outbox(env, references):
    return django_json(env, OUTBOX_STATE.format(references=list(references)))


def start_worker(env, workdir, name, email_timeout):
    import subprocess

    from scripts.drills.common import PYTHON, ROOT

    return subprocess.Popen(
        [PYTHON, "manage.py", "run_outbox_worker", "--interval", "1"],
        cwd=ROOT,
        env={**env, "EMAIL_TIMEOUT": str(email_timeout)},
        stdout=(workdir / f"{name}.log").open("w"),
        stderr=subprocess.STDOUT,
    )


def body(options):
    def drill(summary, stack):
        from scripts.drills.common import drill_env, prepare_site

        workdir = workdir_for("fault-smtp")
        stalled = StalledSMTP(0)
        stack.callback(stalled.close)
        port = stalled.port
        env = drill_env(
            workdir,
            f"sqlite:///{workdir / 'drill.sqlite3'}",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_TIMEOUT=10,
            ENQUIRY_RATE_LIMIT_PER_IP=100_000,
        )
        log(f"Stalled SMTP listener on 127.0.0.1:{port}; preparing the site …")
        prepare_site(env)
        server = Gunicorn(env, workdir, workers=2)
        stack.callback(server.stop)
        log(f"gunicorn pid {server.pid} on {server.base}")

        def load(count):
            return run_concurrently(
                lambda i: submit_enquiry(Browser(server.base)), count, options.users
            )

        # Baseline: the same load with no mail activity at all (the worker is not running
        # yet), so a busy machine is not mistaken for SMTP blocking the web workers.
        log(f"Baseline: {options.users} visitors submit {options.baseline} enquiries …")
        baseline = load(options.baseline)
        baseline_p95 = percentile([a.post.seconds for a in baseline if a.post], 0.95)
        summary.fact(
            "baseline POST p95 ms (no mail activity)", round(baseline_p95 * 1000)
        )

        worker = start_worker(env, workdir, "worker-stalled", options.email_timeout)
        stack.callback(stop_process, worker)
        log(f"Outbox worker pid {worker.pid} now retries against the stalled relay")
        log(f"{options.users} visitors submit {options.enquiries} enquiries …")
        started = time.monotonic()
        stalled_attempts = load(options.enquiries)
        load_seconds = time.monotonic() - started
        attempts = baseline + stalled_attempts
        acknowledged = [a for a in attempts if a.acknowledged]
        post_times = [a.post.seconds for a in stalled_attempts if a.post]
        p95 = percentile(post_times, 0.95)
        summary.fact("enquiries submitted", len(attempts))
        summary.fact("load seconds", round(load_seconds, 1))
        summary.fact("POST p50 ms", round(percentile(post_times, 0.5) * 1000))
        summary.fact("POST p95 ms", round(p95 * 1000))
        summary.fact("POST max ms", round(max(post_times or [0]) * 1000))
        summary.check(
            "every submission acknowledged with a reference",
            len(acknowledged) == len(attempts),
            f"{len(acknowledged)}/{len(attempts)}; first error: "
            + next((a.error for a in attempts if a.error), "none"),
        )
        bound = max(options.p95_budget / 1000, 1.5 * baseline_p95)
        summary.check(
            f"POST /enquire/ p95 while SMTP stalls within {options.p95_budget} ms "
            "or 1.5x the no-mail baseline on a busy machine",
            p95 <= bound,
            f"p95 {p95 * 1000:.0f} ms, baseline {baseline_p95 * 1000:.0f} ms, "
            f"bound {bound * 1000:.0f} ms",
        )
        summary.check(
            "no POST waited for SMTP (every one well under the 10 s EMAIL_TIMEOUT)",
            post_times and max(post_times) < 5,
            f"slowest {max(post_times or [0]) * 1000:.0f} ms",
        )
        references = [a.reference for a in acknowledged]
        counts = django_json(
            env,
            "from members.enquiries.models import Enquiry\n"
            f"refs = {references!r}\n"
            "print(json.dumps({r: Enquiry.objects.filter(reference=r).count() for r in refs}))",
        )
        summary.check(
            "every acknowledged reference stored exactly once",
            references and all(counts.get(r) == 1 for r in references),
            f"{sum(1 for r in references if counts.get(r) == 1)}/{len(references)}",
        )

        # The worker keeps trying the stalled relay; wait until every message has failed once.
        deadline = time.monotonic() + options.attempt_wait
        while True:
            rows = outbox(env, references)
            attempted = [r for r in rows if r["failed_logs"] >= 1]
            if len(attempted) == len(rows) or time.monotonic() > deadline:
                break
            time.sleep(2)
        sent = [r for r in rows if r["status"] == 0]
        pending = [r for r in rows if r["status"] in (2, 3)]
        summary.fact("outbox messages", len(rows))
        summary.fact("stalled connections accepted", stalled.accepted)
        summary.check(
            "two messages queued per enquiry (staff notice and acknowledgement)",
            len(rows) == 2 * len(references),
            f"{len(rows)} for {len(references)} enquiries",
        )
        summary.check(
            "nothing sent and everything still pending while SMTP stalls",
            not sent and len(pending) == len(rows),
            f"{len(pending)} pending, {len(sent)} sent",
        )
        summary.check(
            "every pending message has a failed attempt logged",
            rows and len(attempted) == len(rows),
            f"{len(attempted)}/{len(rows)} within {options.attempt_wait}s",
        )
        summary.check("gunicorn never restarted", server.alive())
        stop_process(worker)

        # The relay comes back: a real SMTP sink on the same port.
        stalled.close()
        from aiosmtpd.controller import Controller

        sink = Sink()
        controller = Controller(sink, hostname="127.0.0.1", port=port)
        controller.start()
        stack.callback(controller.stop)
        # An operator's "retry now" after the outage; left alone, post_office retries after
        # RETRY_INTERVAL (5 minutes), which is too long for a bounded drill.
        retried = django_json(env, RETRY_NOW)
        summary.fact("requeued messages retried now", retried)
        delivery_started = time.monotonic()
        worker = start_worker(env, workdir, "worker-sink", options.email_timeout)
        stack.callback(stop_process, worker)
        deadline = delivery_started + options.delivery_wait
        while time.monotonic() < deadline:
            rows = outbox(env, references)
            if rows and all(r["status"] == 0 for r in rows):
                break
            time.sleep(1)
        delivery_seconds = time.monotonic() - delivery_started
        stop_process(worker)
        summary.fact("delivery seconds after recovery", round(delivery_seconds, 1))
        summary.check(
            f"every message sent within {options.delivery_wait}s of the relay returning",
            rows and all(r["status"] == 0 for r in rows),
            f"{sum(1 for r in rows if r['status'] == 0)}/{len(rows)} in {delivery_seconds:.1f}s",
        )
        # One more pass must send nothing new (idempotent worker).
        from scripts.drills.common import manage

        manage(env, "run_outbox_worker", "--once")
        time.sleep(0.5)
        delivered = {}
        for _, content in sink.messages:
            subject = next(
                (
                    line
                    for line in content.splitlines()
                    if line.lower().startswith("subject:")
                ),
                "",
            )
            for reference in references:
                if reference in subject:
                    key = (
                        reference,
                        "acknowledgement" if "received" in subject else "staff",
                    )
                    delivered[key] = delivered.get(key, 0) + 1
        expected = {
            (r, kind) for r in references for kind in ("acknowledgement", "staff")
        }
        summary.check(
            "the sink received each message exactly once (after a further worker pass)",
            set(delivered) == expected and all(v == 1 for v in delivered.values()),
            f"{len(sink.messages)} messages for {len(expected)} expected; "
            f"duplicates {sum(1 for v in delivered.values() if v > 1)}",
        )

    return drill


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--enquiries", type=int, default=40)
    parser.add_argument("--baseline", type=int, default=40)
    parser.add_argument(
        "--email-timeout", type=int, default=1, help="the outbox worker's EMAIL_TIMEOUT"
    )
    parser.add_argument(
        "--p95-budget", type=int, default=800, help="ms; RL-9's enquiry POST budget"
    )
    parser.add_argument("--attempt-wait", type=int, default=60)
    parser.add_argument("--delivery-wait", type=int, default=60)
    run_drill("fault-smtp", body(parser.parse_args()))


if __name__ == "__main__":
    main()
