"""The servers a drill starts on 127.0.0.1 and stops by their own process id: gunicorn,
a throwaway PostgreSQL cluster and Redis."""

import contextlib
import os
import shutil
import socket
import subprocess
import time
import uuid
from pathlib import Path

from scripts.drills.common import (
    GUNICORN,
    ROOT,
    as_root,
    ensure_debian_package,
    free_port,
    stop_process,
)
from scripts.drills.web import wait_for_status


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
