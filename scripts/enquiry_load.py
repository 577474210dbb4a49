"""Enquiry load test (issue 5): many leaders submit at once while the mail server is down.

    DATABASE_URL=postgres://user@127.0.0.1:5432/voices_load \\
        .venv/bin/python scripts/enquiry_load.py --enquiries 200 --clients 10

Builds the site in the database named by DATABASE_URL (PostgreSQL recommended; a throwaway
SQLite file otherwise), starts gunicorn with production settings on a free 127.0.0.1 port and
points email at a 127.0.0.1 port where nothing listens. Each client fetches the form like a
person, waits past the 3-second time trap, submits and reads its reference. Then it checks
that every enquiry is stored with a unique reference and no request failed; runs the outbox
worker (every send fails and is requeued); starts a real SMTP server (aiosmtpd) on that port,
makes the retries due, runs the worker twice and checks every email arrived exactly once.
Everything it starts, it stops. Exit status 0 means every check passed.
"""

import argparse
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import gunicorn_args  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
REFERENCE = re.compile(r"ENQ-\d{4}-\d{5}")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_env(workdir, smtp_port):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        SECRET_KEY="load-test-only-" + uuid.uuid4().hex + uuid.uuid4().hex,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=os.environ.get(
            "DATABASE_URL", f"sqlite:///{workdir / 'load.sqlite3'}"
        ),
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        EMAIL_TIMEOUT="2",
        REQUIRE_STAFF_MFA="false",
        ENQUIRY_RATE_LIMIT_PER_IP="100000",
        ENQUIRY_RATE_LIMIT_PER_EMAIL="100000",
    )
    env.pop("REDIS_URL", None)
    return env


def manage(env, *args, quiet_errors=False):
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
        stdout=subprocess.DEVNULL,
        # The worker logs every refused connection; the checks below say what matters.
        stderr=subprocess.DEVNULL if quiet_errors else None,
    )


def django_json(env, code):
    script = "import django, json\ndjango.setup()\n" + code
    result = subprocess.run(
        [PYTHON, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


OUTBOX_STATE = """
from post_office.models import Email, Log, STATUS
from members.models import Enquiry
tag = %r
enquiries = Enquiry.objects.filter(message__contains=tag)
refs = list(enquiries.values_list("reference", flat=True))
emails = Email.objects.filter(subject__contains="ENQ-")
mine = [e for e in emails if any(ref in e.subject for ref in refs)]
print(json.dumps({
    "stored": len(refs), "unique": len(set(refs)),
    "emails": len(mine),
    "sent": sum(e.status == STATUS.sent for e in mine),
    "pending": sum(e.status in (STATUS.queued, STATUS.requeued) for e in mine),
    "failure_logs": Log.objects.filter(email__in=[e.pk for e in mine], status=STATUS.failed).count(),
}))
"""

MAKE_RETRIES_DUE = """
from django.utils import timezone
from post_office.models import Email, STATUS
n = Email.objects.filter(status=STATUS.requeued).update(scheduled_time=timezone.now())
print(json.dumps({"due": n}))
"""


class Visitor:
    """One person with their own cookies, talking HTTP/1.1 to 127.0.0.1."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        elapsed = time.monotonic() - started
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        conn.close()
        return response.status, response.headers.get("Location", ""), text, elapsed


def field(html, name):
    match = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)"[^>]*name="{name}"', html
    )
    return match.group(1) if match else ""


def submit(port, index, tag, results, lock):
    visitor = Visitor(port)
    outcome = {"index": index, "statuses": [], "reference": "", "post_seconds": 0.0}
    try:
        status, _, html, _ = visitor.request("GET", "/enquire/")
        outcome["statuses"].append(status)
        rendered = time.monotonic()
        region = re.search(r'<option value="(\d+)"', html).group(1)
        data = {
            "csrfmiddlewaretoken": field(html, "csrfmiddlewaretoken"),
            "form_token": field(html, "form_token"),
            "full_name": f"Load Test {index}",
            "email": f"load{index}@example.org",
            "job_title": "Director of Adult Social Care",
            "organisation": "Example Council",
            "organisation_type": "local_authority",
            "region": region,
            "enquiry_type": "coaching",
            "message": f"Load test enquiry {index} {tag}",
            "consent": "on",
            "website": "",
        }
        time.sleep(max(0.0, 3.2 - (time.monotonic() - rendered)))
        status, location, _, elapsed = visitor.request(
            "POST", "/enquire/", urlencode(data)
        )
        outcome["statuses"].append(status)
        outcome["post_seconds"] = elapsed
        if status == 302:
            status, _, html, _ = visitor.request("GET", location)
            outcome["statuses"].append(status)
            match = REFERENCE.search(html)
            outcome["reference"] = match.group(0) if match else ""
    except (OSError, AttributeError) as error:
        outcome["error"] = repr(error)
    with lock:
        results.append(outcome)


def run_clients(port, count, clients, tag):
    results, lock = [], threading.Lock()
    queue = list(range(count))
    queue_lock = threading.Lock()

    def client():
        while True:
            with queue_lock:
                if not queue:
                    return
                index = queue.pop()
            submit(port, index, tag, results, lock)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--enquiries", type=int, default=200)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    options = parser.parse_args()
    options.enquiries = min(options.enquiries, 2000)  # bounded

    from aiosmtpd.controller import Controller

    checks = []

    def check(name, ok, detail=""):
        checks.append((name, bool(ok)))
        print(f"{'PASS' if ok else 'FAIL'}  {name}  {detail}", flush=True)

    workdir = Path(tempfile.mkdtemp(prefix="voices-enquiry-load-"))
    smtp_port = free_port()  # nothing listens here yet: the mail server is "down"
    env = site_env(workdir, smtp_port)
    print(f"Database: {env['DATABASE_URL'].split('@')[-1]}; building the site …")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    manage(env, "load_demo", "--force")

    port = free_port()
    log = (workdir / "gunicorn.log").open("w")
    server = subprocess.Popen(
        gunicorn_args(port, options.workers, "--timeout", "60"),
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    sink_messages = []
    controller = None
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if Visitor(port).request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(f"gunicorn did not start; see {log.name}")
            time.sleep(0.3)

        tag = "load-" + uuid.uuid4().hex[:12]
        print(f"{options.clients} clients submit {options.enquiries} enquiries …")
        started = time.monotonic()
        results = run_clients(port, options.enquiries, options.clients, tag)
        seconds = time.monotonic() - started
        statuses = [s for r in results for s in r["statuses"]]
        references = [r["reference"] for r in results if r["reference"]]
        post_times = sorted(r["post_seconds"] for r in results if r["post_seconds"])
        p95 = post_times[int(0.95 * (len(post_times) - 1))] if post_times else 0
        check("no 5xx responses", not [s for s in statuses if s >= 500])
        check("no client errors", not [r for r in results if r.get("error")])
        check(
            "every submission acknowledged with a reference",
            len(references) == options.enquiries,
            f"{len(references)}/{options.enquiries}",
        )
        check("references unique", len(set(references)) == len(references))
        state = django_json(env, OUTBOX_STATE % tag)
        check(
            "every enquiry stored once",
            state["stored"] == state["unique"] == options.enquiries,
            json.dumps(state),
        )

        manage(env, "run_outbox_worker", "--once", quiet_errors=True)
        state = django_json(env, OUTBOX_STATE % tag)
        check(
            "SMTP down: nothing sent, all mail pending with failures logged",
            state["sent"] == 0
            and state["pending"] == state["emails"] == 2 * options.enquiries
            and state["failure_logs"] >= state["emails"],
            json.dumps(state),
        )

        class Sink:
            async def handle_DATA(self, server, session, envelope):  # noqa: N802
                sink_messages.append(envelope)
                return "250 OK"

        controller = Controller(Sink(), hostname="127.0.0.1", port=smtp_port)
        controller.start()
        django_json(env, MAKE_RETRIES_DUE)  # what "Retry now" in the admin does
        manage(env, "run_outbox_worker", "--once", quiet_errors=True)
        manage(env, "run_outbox_worker", "--once", quiet_errors=True)
        state = django_json(env, OUTBOX_STATE % tag)
        subjects = [
            m.content.decode("utf-8", "replace")
            .split("Subject: ", 1)[-1]
            .split("\n")[0]
            for m in sink_messages
        ]
        mine = [s for s in subjects if any(ref in s for ref in references)]
        check(
            "SMTP back: every email delivered exactly once",
            len(mine) == len(set(mine)) == 2 * options.enquiries
            and state["sent"] == 2 * options.enquiries,
            f"{len(mine)} delivered, {len(set(mine))} distinct",
        )
        print(
            json.dumps(
                {
                    "enquiries": options.enquiries,
                    "clients": options.clients,
                    "gunicorn_workers": options.workers,
                    "database": env["DATABASE_URL"].split(":")[0],
                    "seconds": round(seconds, 1),
                    "post_p95_seconds": round(p95, 3),
                    "passed": all(ok for _, ok in checks),
                }
            )
        )
    finally:
        if controller:
            controller.stop()
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    return 0 if checks and all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
