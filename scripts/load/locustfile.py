"""The RL-9 load baseline's visitors, for locust (started by `make load`, scripts/load/baseline.py).

The RL-6 mix, by locust user weights: 70% anonymous visitors reading public pages and
searching, 10% leaders sending enquiries that each carry a unique marker, 15% members signing
in and reloading their dashboard, 5% members expressing interest in opportunities (also with
a marker). Every request is timed by kind; when locust stops, the budgets are checked here,
the numbers and the acknowledged markers are written to LOAD_REPORT for the reconciliation
against the database, and locust's exit code is set non-zero on any failure.

Settings come from the environment (the runner sets them): LOAD_REPORT, LOAD_ACCOUNTS
(comma-separated member emails), LOAD_OPPORTUNITIES (page ids open to members),
LOAD_PASSWORD, LOAD_PAGE_P95_MS, LOAD_ENQUIRY_P95_MS.
"""

import itertools
import json
import math
import os
import random
import re
import time
import uuid
from collections import defaultdict

from locust import HttpUser, between, events, task

from scripts.drills.common import TRACEBACK_MARKERS
from scripts.drills.web import first_option, hidden_value

PAGES = [
    "/",
    "/news/",
    "/networks/",
    "/networks/west-midlands/",
    "/opportunities/",
    "/enquire/",
]
SEARCHES = ["care", "co-production", "carers", "network", "mentoring"]
REFERENCE = re.compile(r"ENQ-\d{4}-\d{5}")
# The enquiry form refuses anything posted sooner after it was shown (members/spam.py).
HUMAN_PAUSE = 3.3

ACCOUNTS = [a for a in os.environ.get("LOAD_ACCOUNTS", "").split(",") if a]
OPPORTUNITIES = [o for o in os.environ.get("LOAD_OPPORTUNITIES", "").split(",") if o]
PASSWORD = os.environ.get("LOAD_PASSWORD", "voices-demo-2026")
PAGE_P95_MS = float(os.environ.get("LOAD_PAGE_P95_MS", 300))
ENQUIRY_P95_MS = float(os.environ.get("LOAD_ENQUIRY_P95_MS", 800))

_next_account = itertools.count()
timings = defaultdict(list)  # kind -> response times in ms
server_errors = []  # (name, status or exception)
leaked = []  # names of responses whose body held a traceback
enquiries = {"sent": 0, "acknowledged": {}}  # marker -> reference
interests = {"sent": 0, "acknowledged": []}


def percentile(values, fraction):
    """Nearest-rank percentile, as the drills compute it."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[
        max(0, min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1))
    ]


def send_secure_cookies_over_loopback(user):
    """Let the site's Secure `__Host-` cookies go back over loopback HTTP (127.0.0.1 has
    no TLS), as the drills' own client does; a real browser would be on HTTPS. Called after
    each response that may set a cookie, before the next request."""
    for cookie in user.client.cookies:
        cookie.secure = False


@events.request.add_listener
def record(request_type, name, response_time, response, exception, context, **kwargs):
    kind = (context or {}).get("kind", "other")
    timings[kind].append(response_time)
    status = getattr(response, "status_code", 0)
    if exception is not None and status == 0:
        server_errors.append((name, f"{type(exception).__name__}: {exception}"))
    elif status >= 500:
        server_errors.append((name, status))
    body = getattr(response, "text", "") or ""
    if any(marker in body for marker in TRACEBACK_MARKERS):
        leaked.append(name)


class Visitor(HttpUser):
    """Someone reading the public site: pages, and now and then a search."""

    weight = 70
    wait_time = between(1, 3)

    @task(6)
    def page(self):
        path = random.choice(PAGES)  # noqa: S311 - picks pages, not secrets
        self.client.get(path, name=path, context={"kind": "page"})

    @task(1)
    def search(self):
        query = random.choice(SEARCHES)  # noqa: S311
        self.client.get(
            f"/search/?q={query}", name="/search/?q=…", context={"kind": "search"}
        )


class Leader(HttpUser):
    """A leader sending an enquiry through the real form, with a marker in the message."""

    weight = 10
    wait_time = between(2, 6)

    @task
    def send_enquiry(self):
        form = self.client.get("/enquire/", name="/enquire/", context={"kind": "page"})
        if form.status_code != 200:
            return
        send_secure_cookies_over_loopback(self)
        body = form.text
        marker = uuid.uuid4().hex
        data = {
            "csrfmiddlewaretoken": hidden_value(body, "csrfmiddlewaretoken"),
            "form_token": hidden_value(body, "form_token"),
            "full_name": "Load Leader",
            "email": f"load-{marker[:16]}@example.org",
            "phone": "",
            "job_title": "Director of Public Health",
            "organisation": "Load Test Council",
            "organisation_type": first_option(body, "organisation_type", radio=True),
            "region": first_option(body, "region"),
            "enquiry_type": first_option(body, "enquiry_type", radio=True),
            "message": f"We would like to talk about co-production. Load marker {marker}.",
            "heard_about": "",
            "access_needs": "",
            "consent": "on",
            "website": "",
        }
        time.sleep(HUMAN_PAUSE)  # cooperative under locust's gevent
        enquiries["sent"] += 1
        with self.client.post(
            "/enquire/",
            data=data,
            name="POST /enquire/",
            allow_redirects=False,
            catch_response=True,
            context={"kind": "enquiry"},
        ) as response:
            if response.status_code != 302:
                response.failure(f"enquiry answered {response.status_code}")
                return
            location = response.headers.get("Location", "")
        send_secure_cookies_over_loopback(self)
        thanks = self.client.get(
            location, name="/enquire/thank-you/", context={"kind": "page"}
        )
        match = REFERENCE.search(thanks.text)
        if thanks.status_code == 200 and match:
            enquiries["acknowledged"][marker] = match.group(0)


class SignedInUser(HttpUser):
    abstract = True

    def on_start(self):
        self.email = ACCOUNTS[next(_next_account) % len(ACCOUNTS)] if ACCOUNTS else ""
        self.signed_in = False

    def sign_in(self):
        page = self.client.get(
            "/accounts/login/", name="/accounts/login/", context={"kind": "sign-in"}
        )
        send_secure_cookies_over_loopback(self)
        with self.client.post(
            "/accounts/login/",
            data={
                "csrfmiddlewaretoken": hidden_value(page.text, "csrfmiddlewaretoken"),
                "login": self.email,
                "password": PASSWORD,
            },
            name="POST /accounts/login/",
            allow_redirects=False,
            catch_response=True,
            context={"kind": "sign-in"},
        ) as response:
            self.signed_in = response.status_code == 302
            if not self.signed_in:
                response.failure(f"sign-in answered {response.status_code}")
        send_secure_cookies_over_loopback(self)
        return self.signed_in

    def sign_out(self):
        page = self.client.get(
            "/accounts/logout/", name="/accounts/logout/", context={"kind": "member"}
        )
        send_secure_cookies_over_loopback(self)
        self.client.post(
            "/accounts/logout/",
            data={
                "csrfmiddlewaretoken": hidden_value(page.text, "csrfmiddlewaretoken")
            },
            name="POST /accounts/logout/",
            allow_redirects=False,
            context={"kind": "member"},
        )
        self.signed_in = False


class Member(SignedInUser):
    """A member who signs in and keeps coming back to the dashboard; now and then they
    sign out and in again, so sign-in itself stays part of the load."""

    weight = 15
    wait_time = between(1, 4)

    @task
    def dashboard(self):
        if not self.signed_in and not self.sign_in():
            return
        with self.client.get(
            "/portal/",
            name="/portal/",
            allow_redirects=False,
            catch_response=True,
            context={"kind": "member"},
        ) as response:
            if response.status_code != 200:
                response.failure(f"dashboard answered {response.status_code}")
                self.signed_in = False
        send_secure_cookies_over_loopback(self)
        if random.random() < 0.1:  # noqa: S311
            self.sign_out()


class Applicant(SignedInUser):
    """A member expressing interest in each open opportunity in turn, then the next member."""

    weight = 5
    wait_time = between(3, 8)

    def on_start(self):
        super().on_start()
        self.todo = list(OPPORTUNITIES)

    @task
    def express_interest(self):
        if not self.todo:
            self.sign_out()
            self.email = ACCOUNTS[next(_next_account) % len(ACCOUNTS)]
            self.todo = list(OPPORTUNITIES)
        if not self.todo or (not self.signed_in and not self.sign_in()):
            return
        page_id = self.todo.pop()
        path = f"/portal/opportunities/{page_id}/interest/"
        form = self.client.get(
            path, name="/portal/opportunities/…/interest/", context={"kind": "member"}
        )
        if form.status_code != 200:
            return
        send_secure_cookies_over_loopback(self)
        marker = uuid.uuid4().hex
        interests["sent"] += 1
        with self.client.post(
            path,
            data={
                "csrfmiddlewaretoken": hidden_value(form.text, "csrfmiddlewaretoken"),
                "why_interested": f"I would like to help. Load marker {marker}.",
                "experience": "",
                "availability": "Weekday mornings",
                "access_needs": "",
            },
            name="POST /portal/opportunities/…/interest/",
            allow_redirects=False,
            catch_response=True,
            context={"kind": "interest"},
        ) as response:
            send_secure_cookies_over_loopback(self)
            if response.status_code == 302:
                interests["acknowledged"].append(marker)
            else:
                response.failure(f"interest answered {response.status_code}")


@events.quitting.add_listener
def check_budgets(environment, **kwargs):
    """Budgets from RL-9; locust's documented exit-code control reports the outcome."""
    anonymous = timings["page"] + timings["search"]
    checks = [
        (
            f"anonymous pages p95 < {PAGE_P95_MS:.0f} ms",
            percentile(anonymous, 0.95) < PAGE_P95_MS,
            f"{percentile(anonymous, 0.95):.0f} ms over {len(anonymous)} requests",
        ),
        (
            f"enquiry POST p95 < {ENQUIRY_P95_MS:.0f} ms",
            bool(timings["enquiry"])
            and percentile(timings["enquiry"], 0.95) < ENQUIRY_P95_MS,
            f"{percentile(timings['enquiry'], 0.95):.0f} ms over "
            f"{len(timings['enquiry'])} POSTs",
        ),
        (
            "0 server errors",
            not server_errors,
            f"{len(server_errors)}: {server_errors[:5]}" if server_errors else "",
        ),
        ("no traceback in any response", not leaked, ", ".join(leaked[:5])),
        (
            "every enquiry sent was acknowledged with a reference",
            enquiries["sent"] > 0
            and len(enquiries["acknowledged"]) == enquiries["sent"],
            f"{len(enquiries['acknowledged'])} of {enquiries['sent']}",
        ),
        (
            "every interest sent was acknowledged",
            len(interests["acknowledged"]) == interests["sent"],
            f"{len(interests['acknowledged'])} of {interests['sent']}",
        ),
        (
            "no failed requests in locust's statistics",
            environment.stats.total.num_failures == 0,
            f"{environment.stats.total.num_failures} of "
            f"{environment.stats.total.num_requests}",
        ),
    ]
    facts = {
        kind: {
            "requests": len(values),
            "p50_ms": round(percentile(values, 0.5)),
            "p95_ms": round(percentile(values, 0.95)),
            "p99_ms": round(percentile(values, 0.99)),
            "max_ms": round(max(values)) if values else 0,
        }
        for kind, values in sorted(timings.items())
    }
    facts["requests per second"] = round(environment.stats.total.total_rps, 1)
    report = {
        "checks": [{"name": n, "ok": bool(ok), "detail": d} for n, ok, d in checks],
        "timings": facts,
        "enquiries": enquiries["acknowledged"],
        "enquiries_sent": enquiries["sent"],
        "interests": interests["acknowledged"],
        "interests_sent": interests["sent"],
    }
    path = os.environ.get("LOAD_REPORT")
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=2)
    if not all(ok for _, ok, _ in checks):
        environment.process_exit_code = 1
