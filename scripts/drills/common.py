"""Shared parts of the reliability drills (security checklist section I, RL-1 … RL-11).

Every drill runs on this machine against 127.0.0.1 only, is bounded in time, stops exactly the
processes it started (by their own id) and ends with a PASS/FAIL summary and exit status.
"""

import contextlib
import hashlib
import html
import http.client
import json
import math
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).parent / "gunicorn")
RESULTS = ROOT / "bench-results" / "drills"
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "voices-demo-2026")
REFERENCE = re.compile(r"ENQ-\d{4}-\d{5}")
TRACEBACK_MARKERS = ("Traceback (most recent call last)", 'File "/', "django/core/")


def log(message):
    print(f"[{datetime.now(UTC).strftime('%H:%M:%S')}] {message}", flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values, fraction):
    """Nearest-rank percentile; 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1))
    return ordered[index]


class Summary:
    """Collects named checks and ends the drill with a table and an exit status."""

    def __init__(self, drill):
        self.drill = drill
        self.checks = []
        self.facts = {}
        self.started = time.monotonic()

    def check(self, name, ok, detail=""):
        self.checks.append((name, bool(ok), str(detail)))
        log(f"{'PASS' if ok else 'FAIL'} {name} {detail}")
        return bool(ok)

    def fact(self, name, value):
        self.facts[name] = value

    @property
    def passed(self):
        return bool(self.checks) and all(ok for _, ok, _ in self.checks)

    def finish(self):
        elapsed = round(time.monotonic() - self.started, 1)
        report = {
            "drill": self.drill,
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": f"{os.cpu_count()} cores",
            "seconds": elapsed,
            "passed": self.passed,
            "checks": [{"name": n, "ok": ok, "detail": d} for n, ok, d in self.checks],
            "facts": self.facts,
        }
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / f"{self.drill}.json").write_text(json.dumps(report, indent=2))
        print(f"\n== {self.drill}: {report['date']} · {report['machine']} · {elapsed}s")
        for name, ok, detail in self.checks:
            print(
                f"  {'PASS' if ok else 'FAIL'}  {name}{'  (' + detail + ')' if detail else ''}"
            )
        for name, value in self.facts.items():
            print(f"  ·     {name}: {value}")
        print(f"== {'PASS' if self.passed else 'FAIL'}\n", flush=True)
        return 0 if self.passed else 1


class DrillTimeout(Exception):
    """The drill ran past its time limit (or was told to stop)."""


def _stop_drill(signum, frame):
    raise DrillTimeout(f"stopped by signal {signal.Signals(signum).name}")


def run_drill(name, body, limit=None):
    """Run `body(summary, stack)`; everything pushed on the stack is stopped afterwards.

    The drill stops itself after `limit` seconds (DRILL_LIMIT, default 600) and on SIGTERM or
    Ctrl-C, still cleaning up what it started.
    """
    summary = Summary(name)
    limit = limit or int(os.environ.get("DRILL_LIMIT", 600))
    signal.signal(signal.SIGALRM, _stop_drill)
    signal.signal(signal.SIGTERM, _stop_drill)
    signal.signal(signal.SIGINT, _stop_drill)
    signal.alarm(limit)
    try:
        with contextlib.ExitStack() as stack:
            body(summary, stack)
    except Exception as exc:  # a drill that breaks is a failed drill, with the reason
        import traceback

        traceback.print_exc()
        summary.check("drill ran to the end", False, f"{type(exc).__name__}: {exc}")
    finally:
        signal.alarm(0)
    sys.exit(summary.finish())


# --- Processes -------------------------------------------------------------------------------


def stop_process(process, timeout=15):
    """Stop one process this drill started (and only it), politely first."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def as_root(args):
    return args if os.geteuid() == 0 else ["sudo", *args]


def ensure_debian_package(command, package):
    """Install a Debian package when its command is missing (root or sudo)."""
    if shutil.which(command):
        return
    log(f"Installing Debian package {package} …")
    subprocess.run(as_root(["apt-get", "update", "-q"]), check=True)
    subprocess.run(
        as_root(
            [
                "env",
                "DEBIAN_FRONTEND=noninteractive",
                "apt-get",
                "install",
                "-y",
                "-q",
                package,
            ]
        ),
        check=True,
    )


def drill_env(workdir, database_url, **extra):
    """Production settings for loopback: no SSL redirect, throwaway secret, own media."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": "drill-only-" + uuid.uuid4().hex + uuid.uuid4().hex,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "REQUIRE_STAFF_MFA": "false",
        "DEMO_PASSWORD": DEMO_PASSWORD,
        # The drill's own temporary directory, so post_office's worker lock file (in the
        # temp dir) is never shared with another outbox worker running on this machine.
        "TMPDIR": str(workdir / "tmp"),
    }
    (workdir / "tmp").mkdir(parents=True, exist_ok=True)
    env.pop("REDIS_URL", None)
    env.update({k: str(v) for k, v in extra.items()})
    return env


def manage(env, *args, quiet=True, timeout=300):
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=timeout,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def _fingerprint(patterns, contents=True):
    """A short hash of the files that decide what a cached copy holds."""
    digest = hashlib.sha256()
    for pattern in patterns:
        for path in sorted(ROOT.glob(pattern)):
            if ".venv" in path.parts or not path.is_file():
                continue
            digest.update(str(path.relative_to(ROOT)).encode())
            if contents:
                digest.update(path.read_bytes())
            else:
                stat = path.stat()
                digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def site_fingerprint():
    """Migrations, demo loaders and pinned packages: what the prepared database depends on."""
    return _fingerprint(
        [
            "*/migrations/*.py",
            "*/demo.py",
            "*/*/demo.py",
            "*/demo/*.py",
            "*/management/commands/load_demo.py",
            "requirements.txt",
        ]
    )


def static_root():
    """collectstatic is slow on a busy 2-core machine; reuse its output while sources are unchanged."""
    key = _fingerprint(["*/static/**/*", "requirements.txt"], contents=False)
    return RESULTS / "cache" / f"static-{key}"


def prepare_site(env, demo=True, cluster=None):
    """Static files, schema, cache table and the demo data, as `make serve` and `make run` do.

    The prepared database (a SQLite file or a pg_dump) and the demo media are cached under
    bench-results/drills/cache, keyed on migrations and demo code, so later drills restore
    in seconds instead of migrating again. DRILL_FRESH=1 rebuilds from scratch.
    """
    env["STATIC_ROOT"] = str(static_root())
    static = None
    if not (Path(env["STATIC_ROOT"]) / "staticfiles.json").exists():
        static = subprocess.Popen(
            [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
        )
    kind = "pg" if cluster else "sqlite"
    suffix = "demo" if demo else "empty"
    cache = RESULTS / "cache" / f"{kind}-{site_fingerprint()}-{suffix}"
    snapshot_name = "voices.dump" if cluster else "voices.sqlite3"
    media = Path(env["MEDIA_ROOT"])
    media.mkdir(parents=True, exist_ok=True)
    # The exact snapshot if there is one; otherwise the newest older one, brought up to date
    # by migrate and the (idempotent) demo loader, which is still far quicker than a fresh
    # migrate while others keep adding migrations.
    candidates = [cache] + sorted(
        (
            path
            for path in (RESULTS / "cache").glob(f"{kind}-*-{suffix}")
            if path != cache and (path / snapshot_name).exists()
        ),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    start = next(
        (
            c
            for c in candidates
            if (c / snapshot_name).exists() and (c / "media.tar").exists()
        ),
        None,
    )
    if os.environ.get("DRILL_FRESH") == "1":
        start = None
    try:
        if start is not None:
            log(f"Starting from the prepared {kind} database {start.name}")
            if cluster:
                cluster.restore(start / snapshot_name)
            else:
                shutil.copyfile(start / snapshot_name, sqlite_path(env))
            with tarfile.open(start / "media.tar") as tar:
                tar.extractall(media, filter="data")
        else:
            log(f"Building the {kind} database from scratch (migrate, demo data)")
        if start != cache:
            manage(env, "migrate", "--noinput", "-v0")
            manage(env, "createcachetable")
            if demo:
                manage(env, "load_demo", "--force")
            # Built aside and renamed into place, so drills running at once never read half.
            building = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
            building.mkdir(parents=True, exist_ok=True)
            with tarfile.open(building / "media.tar", "w") as tar:
                tar.add(media, arcname=".")
            if cluster:
                cluster.dump(building / snapshot_name)
            else:
                shutil.copyfile(sqlite_path(env), building / snapshot_name)
            try:
                building.rename(cache)
            except OSError:  # another drill cached the same thing first
                shutil.rmtree(building, ignore_errors=True)
            for old in candidates[2:]:  # keep the newest two of each kind
                shutil.rmtree(old, ignore_errors=True)
    finally:
        if static is not None and static.wait(timeout=300) != 0:
            raise RuntimeError("collectstatic failed")


def sqlite_path(env):
    return urlsplit(env["DATABASE_URL"]).path


def django_json(env, code, timeout=120):
    """Run Python inside the site's settings and return the JSON it prints last."""
    script = "import django, json\ndjango.setup()\n" + code
    result = subprocess.run(
        [PYTHON, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"query failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def wait_for_status(url, status=200, seconds=60):
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            last = Browser(url).get(urlsplit(url).path).status
            if last == status:
                return True
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer {status} within {seconds}s (last {last})")


class Gunicorn:
    """gunicorn with production settings on a free 127.0.0.1 port."""

    def __init__(self, env, workdir, workers=2, port=None, name="gunicorn"):
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / f"{name}-{self.port}.log"
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "website.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--timeout",
                "30",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log_path.open("w"),
            stderr=subprocess.STDOUT,
        )
        wait_for_status(self.base + "/healthz", 200, 60)

    @property
    def pid(self):
        return self.process.pid

    def alive(self):
        return self.process.poll() is None

    def stop(self):
        stop_process(self.process)


class PostgresCluster:
    """A throwaway PostgreSQL cluster on 127.0.0.1, created and dropped by the drill."""

    def __init__(self, label="drill"):
        ensure_debian_package("pg_createcluster", "postgresql")
        versions = sorted(
            os.listdir("/usr/lib/postgresql"),
            key=lambda v: [int(p) for p in v.split(".")],
        )
        self.version = versions[-1]
        self.name = f"voices-{label}-{os.getpid()}"
        self.port = free_port()
        self.password = uuid.uuid4().hex
        subprocess.run(
            as_root(
                [
                    "pg_createcluster",
                    self.version,
                    self.name,
                    "-p",
                    str(self.port),
                    "--",
                    "--auth-local=trust",
                    "--auth-host=scram-sha-256",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        # Loopback only, whatever the package's defaults say.
        conf = Path(f"/etc/postgresql/{self.version}/{self.name}/conf.d")
        if conf.is_dir() and os.geteuid() == 0:
            (conf / "drill.conf").write_text("listen_addresses = '127.0.0.1'\n")
        self.ctl("start")
        self.psql(f"CREATE ROLE voices LOGIN CREATEDB PASSWORD '{self.password}'")
        self.psql("CREATE DATABASE voices OWNER voices")

    @property
    def url(self):
        return f"postgres://voices:{self.password}@127.0.0.1:{self.port}/voices"

    def ctl(self, action):
        subprocess.run(
            as_root(["pg_ctlcluster", self.version, self.name, action]),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def psql(self, sql, database="postgres"):
        return subprocess.run(
            as_root(
                [
                    "su",
                    "postgres",
                    "-c",
                    f'psql -p {self.port} -d {database} -qAt -c "{sql}"',
                ]
            ),
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def client_env(self):
        return {**os.environ, "PGPASSWORD": self.password}

    def client_args(self):
        return ["-h", "127.0.0.1", "-p", str(self.port), "-U", "voices"]

    def dump(self, path):
        """`pg_dump --format=custom` of the site's database."""
        subprocess.run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                *self.client_args(),
                "-f",
                str(path),
                "voices",
            ],
            env=self.client_env(),
            check=True,
        )

    def restore(self, path):
        """`pg_restore` a custom-format dump into the (empty) site database."""
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--exit-on-error",
                *self.client_args(),
                "-d",
                "voices",
                str(path),
            ],
            env=self.client_env(),
            check=True,
        )

    def drop(self):
        subprocess.run(
            as_root(["pg_dropcluster", "--stop", self.version, self.name]),
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


class RedisServer:
    """redis-server on a free loopback port, nothing written to disk."""

    def __init__(self):
        ensure_debian_package("redis-server", "redis-server")
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server"),
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--protected-mode",
                "yes",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock,
            ):
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    return
            time.sleep(0.2)
        raise RuntimeError("redis-server did not start")

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self):
        stop_process(self.process)


# --- HTTP client ----------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: dict
    body: str
    seconds: float
    started: float = 0.0

    @property
    def location(self):
        return self.headers.get("location", "")


@dataclass
class Browser:
    """One visitor: keeps its own cookies (sent over loopback HTTP even when marked Secure)."""

    base: str
    cookies: dict = field(default_factory=dict)
    timeout: float = 30

    def __post_init__(self):
        parts = urlsplit(self.base)
        self.host, self.port = parts.hostname, parts.port
        self.base = f"http://{self.host}:{self.port}"

    def request(self, method, path, data=None):
        headers = {"Host": "127.0.0.1", "User-Agent": "voices-drill"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=self.timeout
        )
        try:
            connection.request(method, path, body=body, headers=headers)
            raw = connection.getresponse()
            content = raw.read().decode("utf-8", "replace")
            for name, value in raw.getheaders():
                if name.lower() == "set-cookie":
                    pair = value.split(";", 1)[0]
                    key, _, val = pair.partition("=")
                    if (
                        "expires=thu, 01 jan 1970" in value.lower()
                        or "max-age=0" in value.lower()
                    ):
                        self.cookies.pop(key.strip(), None)
                    else:
                        self.cookies[key.strip()] = val.strip()
            headers_out = {k.lower(): v for k, v in raw.getheaders()}
        finally:
            connection.close()
        return Response(
            raw.status, headers_out, content, time.monotonic() - started, started
        )

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        return self.request("POST", path, data)

    def csrf_token(self):
        return next((v for k, v in self.cookies.items() if k.endswith("csrftoken")), "")

    def sign_in(self, email, password=DEMO_PASSWORD):
        page = self.get("/accounts/login/")
        token = hidden_value(page.body, "csrfmiddlewaretoken") or self.csrf_token()
        return self.post(
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "login": email, "password": password},
        )

    def sign_out(self):
        page = self.get("/accounts/logout/")
        token = hidden_value(page.body, "csrfmiddlewaretoken") or self.csrf_token()
        return self.post("/accounts/logout/", {"csrfmiddlewaretoken": token})


def hidden_value(body, name):
    match = re.search(
        rf'name="{re.escape(name)}"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="{re.escape(name)}"',
        body,
    )
    if not match:
        return ""
    return html.unescape(match.group(1) or match.group(2) or "")


def first_option(body, name, radio=False):
    """The first real choice of a select or radio group on a rendered form."""
    if radio:
        match = (
            re.search(rf'type="radio"[^>]*name="{name}"[^>]*value="([^"]+)"', body)
            or re.search(rf'name="{name}"[^>]*type="radio"[^>]*value="([^"]+)"', body)
            or re.search(rf'value="([^"]+)"[^>]*name="{name}"[^>]*type="radio"', body)
        )
        return match.group(1) if match else ""
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', body, re.S)
    if not select:
        return ""
    values = re.findall(r'<option value="([^"]+)"', select.group(1))
    return values[0] if values else ""


def leaks_traceback(body):
    return any(marker in body for marker in TRACEBACK_MARKERS)


# --- Enquiries ------------------------------------------------------------------------------


@dataclass
class EnquiryAttempt:
    marker: str
    form_status: int = 0
    post: Response | None = None
    reference: str = ""
    error: str = ""

    @property
    def acknowledged(self):
        return bool(self.reference)


def enquiry_form(browser, marker):
    """Fetch /enquire/ and fill it in as a person would; returns the POST data (or None)."""
    page = browser.get("/enquire/")
    if page.status != 200:
        return page, None
    body = page.body
    data = {
        "csrfmiddlewaretoken": hidden_value(body, "csrfmiddlewaretoken")
        or browser.csrf_token(),
        "form_token": hidden_value(body, "form_token"),
        "full_name": "Drill Leader",
        "email": f"leader-{marker[:12]}@example.org",
        "phone": "",
        "job_title": "Director of Nursing",
        "organisation": "Drill Trust",
        "organisation_type": first_option(body, "organisation_type", radio=True),
        "region": first_option(body, "region"),
        "enquiry_type": first_option(body, "enquiry_type", radio=True),
        "message": f"We would like to talk about co-production. Drill marker {marker}.",
        "heard_about": "",
        "access_needs": "",
        "consent": "on",
        "website": "",
    }
    return page, data


def submit_enquiry(browser, marker=None, wait=3.3):
    """The whole journey: form, a human pause past ENQUIRY_MIN_SECONDS, POST, confirmation."""
    attempt = EnquiryAttempt(marker or uuid.uuid4().hex)
    try:
        page, data = enquiry_form(browser, attempt.marker)
        attempt.form_status = page.status
        if data is None:
            attempt.error = f"form answered {page.status}"
            return attempt
        time.sleep(wait)
        attempt.post = browser.post("/enquire/", data)
        if attempt.post.status == 302:
            thanks = browser.get(attempt.post.location)
            match = REFERENCE.search(thanks.body)
            attempt.reference = match.group(0) if match and thanks.status == 200 else ""
            if not attempt.reference:
                attempt.error = (
                    f"confirmation answered {thanks.status} without a reference"
                )
        else:
            attempt.error = f"POST answered {attempt.post.status}"
    except OSError as exc:
        attempt.error = f"{type(exc).__name__}: {exc}"
    return attempt


def run_concurrently(task, count, workers):
    """Run `task(i)` `count` times on `workers` threads; returns the results in order."""
    results = [None] * count
    lock = threading.Lock()
    next_index = [0]

    def worker():
        while True:
            with lock:
                index = next_index[0]
                next_index[0] += 1
            if index >= count:
                return
            results[index] = task(index)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def enquiry_markers_in_database(env, markers):
    """How many stored enquiries carry each marker (reconciling acknowledged submissions)."""
    code = (
        "from members.enquiries.models import Enquiry\n"
        f"markers = {list(markers)!r}\n"
        "counts = {m: Enquiry.objects.filter(message__contains=m).count() for m in markers}\n"
        "print(json.dumps(counts))\n"
    )
    return django_json(env, code)


def workdir_for(name):
    path = RESULTS / name
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path
