"""`make load` (RL-9): a locust baseline against production settings on 127.0.0.1.

A throwaway PostgreSQL cluster (or SQLite with `--sqlite`), the demo data and some load
accounts; gunicorn with 2 workers and production settings on a free loopback port; locust
headless with 30 users and the RL-6 mix (scripts/load/locustfile.py) for LOAD_SECONDS
(default 600). Afterwards every acknowledged enquiry and interest marker is looked up in the
database: each must be stored exactly once. Budgets: anonymous pages p95 < 300 ms, enquiry
POST p95 < 800 ms, no server errors, nothing lost. PASS/FAIL per check, exit status non-zero
on any failure; only what this run started is stopped (gunicorn, locust, the cluster).

Loopback-only differences from production, set in this run's environment only: the enquiry
rate limits are raised (every simulated leader shares 127.0.0.1), SSL redirect and staff
MFA are off, and the Secure cookies are sent back over HTTP by the load client.
"""

import argparse
import json
import os
import subprocess
import time
from pathlib import Path

from scripts.drills.common import (
    DEMO_PASSWORD,
    PYTHON,
    ROOT,
    django_json,
    drill_env,
    log,
    prepare_site,
    run_drill,
    stop_process,
    workdir_for,
)
from scripts.drills.servers import Gunicorn, PostgresCluster

LOCUSTFILE = Path(__file__).with_name("locustfile.py")
LOAD_ACCOUNTS = 60

ACCOUNTS_CODE = """
from home.models import Region
from members.accounts.choices import MemberType
from members.accounts.demo import ensure_account
from members.models import MemberProfile
from members.accounts.profiles import PRIVACY_NOTICE_VERSION
from members.opportunities.listing import is_full, open_opportunities
from django.utils import timezone

region = Region.objects.filter(slug="west-midlands").first()
emails = []
for index in range({count}):
    email = f"load-member-{{index:03d}}@example.org"
    user = ensure_account(email, "Load", f"Member {{index}}", ["Members"])
    MemberProfile.objects.update_or_create(
        user=user,
        defaults={{
            "member_type": MemberType.LIVED_EXPERIENCE_PARTNER,
            "region": region,
            "privacy_notice_version": PRIVACY_NOTICE_VERSION,
            "privacy_notice_accepted_at": timezone.now(),
        }},
    )
    emails.append(email)
open_ids = [page.pk for page in open_opportunities(user) if not is_full(page)]
print(json.dumps({{"emails": emails, "opportunities": open_ids}}))
"""

RECONCILE_CODE = """
from members.enquiries.models import Enquiry
from members.opportunities.models import ExpressionOfInterest

enquiries = {enquiries!r}
interests = {interests!r}
print(json.dumps({{
    "enquiries": {{m: Enquiry.objects.filter(message__contains=m).count() for m in enquiries}},
    "interests": {{
        m: ExpressionOfInterest.objects.filter(why_interested__contains=m).count()
        for m in interests
    }},
}}))
"""


def reconcile(summary, label, sent, acknowledged, counts):
    """Every acknowledged marker stored exactly once; none acknowledged and then missing."""
    lost = sorted(m for m in acknowledged if counts.get(m, 0) == 0)
    doubled = sorted(m for m in acknowledged if counts.get(m, 0) > 1)
    summary.check(
        f"every acknowledged {label} is in the database",
        not lost,
        f"{len(acknowledged) - len(lost)} of {len(acknowledged)} found"
        + (f"; lost {lost[:3]}" if lost else ""),
    )
    summary.check(f"no {label} stored twice", not doubled, ", ".join(doubled[:3]))
    summary.fact(
        f"{label} submissions sent / acknowledged", f"{sent} / {len(acknowledged)}"
    )


def body(options):
    def drill(summary, stack):
        workdir = workdir_for("load")
        extra = {
            # Every simulated leader posts from 127.0.0.1; production keeps the defaults.
            "ENQUIRY_RATE_LIMIT_PER_IP": 1_000_000,
            "ENQUIRY_RATE_LIMIT_PER_EMAIL": 1_000_000,
        }
        if options.sqlite:
            env = drill_env(workdir, f"sqlite:///{workdir / 'load.sqlite3'}", **extra)
            prepare_site(env)
            summary.fact("database", "SQLite")
        else:
            log("Creating a PostgreSQL cluster on 127.0.0.1 …")
            cluster = PostgresCluster("load")
            stack.callback(cluster.drop)
            env = drill_env(workdir, cluster.url, **extra)
            prepare_site(env, cluster=cluster)
            summary.fact("database", "PostgreSQL (throwaway cluster on 127.0.0.1)")
        prepared = django_json(env, ACCOUNTS_CODE.format(count=LOAD_ACCOUNTS))
        summary.check(
            "load accounts and open opportunities are ready",
            prepared["emails"] and prepared["opportunities"],
            f"{len(prepared['emails'])} accounts, "
            f"{len(prepared['opportunities'])} opportunities",
        )

        server = Gunicorn(env, workdir, workers=2)
        stack.callback(server.stop)
        log(
            f"gunicorn pid {server.pid} on {server.base}; locust with {options.users} "
            f"users for {options.seconds}s"
        )
        report_path = workdir / "report.json"
        locust_env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "LOAD_REPORT": str(report_path),
            "LOAD_ACCOUNTS": ",".join(
                ["member@example.org", "cochair@example.org", *prepared["emails"]]
            ),
            "LOAD_OPPORTUNITIES": ",".join(str(i) for i in prepared["opportunities"]),
            "LOAD_PASSWORD": DEMO_PASSWORD,
        }
        started = time.monotonic()
        locust = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "locust",
                "-f",
                str(LOCUSTFILE),
                "--headless",
                "--host",
                server.base,
                "--users",
                str(options.users),
                "--spawn-rate",
                str(options.spawn_rate),
                "--run-time",
                f"{options.seconds}s",
                "--stop-timeout",
                "15",
                "--only-summary",
                "--csv",
                str(workdir / "locust"),
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env=locust_env,
        )
        stack.callback(stop_process, locust)
        code = locust.wait(timeout=options.seconds + 120)
        summary.fact("load duration", f"{time.monotonic() - started:.0f} s")
        summary.check(
            "locust exited 0 (its own budget checks)", code == 0, f"exit {code}"
        )
        summary.check("gunicorn stayed up", server.alive())

        if not report_path.exists():
            summary.check("locust wrote its report", False, str(report_path))
            return
        report = json.loads(report_path.read_text())
        for check in report["checks"]:
            summary.check(check["name"], check["ok"], check["detail"])

        counts = django_json(
            env,
            RECONCILE_CODE.format(
                enquiries=list(report["enquiries"]), interests=report["interests"]
            ),
        )
        reconcile(
            summary,
            "enquiry",
            report["enquiries_sent"],
            report["enquiries"],
            counts["enquiries"],
        )
        reconcile(
            summary,
            "interest",
            report["interests_sent"],
            report["interests"],
            counts["interests"],
        )
        summary.fact("users", options.users)
        for kind, numbers in report["timings"].items():
            summary.fact(kind, numbers)

    return drill


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seconds", type=int, default=int(os.environ.get("LOAD_SECONDS", 600))
    )
    parser.add_argument(
        "--users", type=int, default=int(os.environ.get("LOAD_USERS", 30))
    )
    parser.add_argument("--spawn-rate", type=float, default=5)
    parser.add_argument(
        "--sqlite",
        action="store_true",
        default=os.environ.get("LOAD_DB") == "sqlite",
        help="SQLite instead of a throwaway PostgreSQL cluster",
    )
    options = parser.parse_args()
    # Room for preparing the site, the load itself and the reconciliation.
    run_drill("load", body(options), limit=options.seconds + 900)


if __name__ == "__main__":
    main()
