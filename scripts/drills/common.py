"""Shared parts of the reliability drills (security checklist section I, RL-1 … RL-11).

Every drill runs on this machine against 127.0.0.1 only, is bounded in time, stops exactly the
processes it started (by their own id) and ends with a PASS/FAIL summary and exit status.
"""

import contextlib
import hashlib
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
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

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


def workdir_for(name):
    path = RESULTS / name
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path
