"""`make fault-two-servers` (issue 10, item 7): two app servers, one truth.

Two gunicorn instances on different 127.0.0.1 ports share one PostgreSQL cluster and one
redis-server (REDIS_URL, so the cache and sessions live in Redis). The drill shows that:

- a session created on one server is valid on the other, and signing out on one ends it on both;
- allauth's `login_failed` limit counts failures made on either server;
- the enquiry form's per-IP rate limit counts submissions made on either server.
"""

import argparse
import socket
import time

from scripts.drills.common import (
    django_json,
    drill_env,
    log,
    prepare_site,
    run_drill,
    workdir_for,
)
from scripts.drills.servers import Gunicorn, PostgresCluster, RedisServer
from scripts.drills.web import Browser, enquiry_form

THROTTLED = "Too many failed login attempts"


def redis_keys(port):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"DBSIZE\r\n")
        reply = sock.recv(64)
    return int(reply.strip().lstrip(b":") or 0)


def body(options):
    def drill(summary, stack):
        workdir = workdir_for("fault-two-servers")
        log("Creating PostgreSQL and Redis on 127.0.0.1 …")
        cluster = PostgresCluster("twoservers")
        stack.callback(cluster.drop)
        redis = RedisServer()
        stack.callback(redis.stop)
        env = drill_env(workdir, cluster.url, REDIS_URL=redis.url)
        prepare_site(env, cluster=cluster)
        first = Gunicorn(env, workdir, workers=2, name="first")
        stack.callback(first.stop)
        second = Gunicorn(env, workdir, workers=2, name="second")
        stack.callback(second.stop)
        log(
            f"Servers: {first.base} (pid {first.pid}) and {second.base} (pid {second.pid})"
        )

        # Sessions: sign in on the first server, use the session on the second.
        on_first = Browser(first.base)
        signed_in = on_first.sign_in("member@example.org")
        on_second = Browser(second.base, cookies=dict(on_first.cookies))
        dashboard = on_second.get("/portal/")
        summary.check(
            "a session created on one server is valid on the other",
            signed_in.status == 302 and dashboard.status == 200,
            f"sign-in {signed_in.status} on first, dashboard {dashboard.status} on second",
        )
        in_database = django_json(
            env,
            "from django.contrib.sessions.models import Session\n"
            "print(json.dumps(Session.objects.count()))",
        )
        keys = redis_keys(redis.port)
        summary.check(
            "the session lives in Redis, shared by both servers (none in the database)",
            keys > 0 and in_database == 0,
            f"{keys} keys in Redis, {in_database} session rows in PostgreSQL",
        )
        old_cookies = dict(on_first.cookies)
        signed_out = on_second.sign_out()
        replay = Browser(first.base, cookies=old_cookies).get("/portal/")
        summary.check(
            "signing out on one server ends the session on the other",
            signed_out.status == 302
            and replay.status == 302
            and "/accounts/login/" in replay.location,
            f"sign-out {signed_out.status} on second; the old session cookie on first "
            f"gets {replay.status} to {replay.location or '-'}",
        )

        # Sign-in throttling: five failures split across the servers, then the right password.
        email = "cochair@example.org"
        statuses = []
        for index in range(5):
            server = first if index % 2 == 0 else second
            response = Browser(server.base).sign_in(
                email, "not-the-password-" + str(index)
            )
            statuses.append((response.status, THROTTLED in response.body))
        right_on_second = Browser(second.base).sign_in(email)
        right_on_first = Browser(first.base).sign_in(email)
        summary.check(
            "five failed sign-ins (3 on first, 2 on second) are each refused normally",
            all(status == 200 and not throttled for status, throttled in statuses),
            f"{statuses}",
        )
        summary.check(
            "the right password is then throttled on both servers (allauth login_failed)",
            right_on_second.status == 200
            and THROTTLED in right_on_second.body
            and right_on_first.status == 200
            and THROTTLED in right_on_first.body,
            f"second {right_on_second.status}, first {right_on_first.status}",
        )
        other = Browser(first.base).sign_in("member@example.org")
        summary.check(
            "another account on the same servers is not throttled",
            other.status == 302,
            f"{other.status}",
        )

        # Enquiry rate limit per IP (ENQUIRY_RATE_LIMIT_PER_IP, default 5 an hour).
        plan = [first, first, first, second, second, second, first]
        forms = []
        for index, server in enumerate(plan):
            browser = Browser(server.base)
            page, data = enquiry_form(browser, f"twoservers{index:02d}{time.time_ns()}")
            forms.append((server, browser, data))
        time.sleep(3.5)
        results = []
        for server, browser, data in forms:
            response = browser.post("/enquire/", data)
            results.append(("first" if server is first else "second", response.status))
        summary.fact("enquiry POSTs (server, status)", results)
        summary.check(
            "five enquiries accepted across both servers, then 429 on either",
            [s for _, s in results[:5]] == [302] * 5
            and [s for _, s in results[5:]] == [429, 429],
            f"{[s for _, s in results]}",
        )

    return drill


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    run_drill("fault-two-servers", body(parser.parse_args()))


if __name__ == "__main__":
    main()
