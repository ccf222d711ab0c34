"""A throwaway PostgreSQL server for the tests: Debian's initdb and pg_ctl, run as the `postgres`
user when the tests run as root, on a free loopback port, in a temporary folder removed at the end.

`make test` installs Debian's postgresql package when it is missing; nothing else is needed.
LIAISON_TEST_POSTGRES=postgresql+psycopg://USER:PASSWORD@HOST:PORT/postgres uses a server of your own
instead (the user must be allowed to create databases).
"""
from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

USER = "liaison"


class PostgresServer:
    def __init__(self, admin_url: str, stop=None):
        self.admin_url = admin_url          # postgresql+psycopg://liaison:PW@127.0.0.1:PORT/postgres
        self._stop = stop

    def url(self, database: str) -> str:
        return self.admin_url.rsplit("/", 1)[0] + f"/{database}"

    def create_database(self, prefix: str = "t", template: str | None = None) -> str:
        """A fresh empty database, or a copy of the database `template`; returns its SQLAlchemy URL."""
        import psycopg
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        copy = f' TEMPLATE "{template}"' if template else ""
        with psycopg.connect(self._libpq(self.admin_url), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)

    @staticmethod
    def _libpq(url: str) -> str:
        return url.replace("postgresql+psycopg://", "postgresql://")

    def stop(self) -> None:
        if self._stop:
            self._stop()


def bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found: `make test` installs Debian's "
                       "postgresql package; or set LIAISON_TEST_POSTGRES to a server URL")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SHM_NEEDED = 4 * 1024**3   # a container's default 64 MB /dev/shm cannot hold the test databases


def _free_bytes(path: str) -> int:
    return shutil.disk_usage(path).free


def start(keep: Path | None = None) -> PostgresServer:
    """Start a server in a new temporary folder, removed when stopped; or, with `keep`, in that
    folder, reusing the cluster already there and leaving it on disk when stopped (benchmarks)."""
    given = os.environ.get("LIAISON_TEST_POSTGRES")
    if given:
        return PostgresServer(given)
    bins = bindir()
    # in memory where the machine has a tmpfs: the suite creates a few hundred databases, and
    # removing their files from /tmp at the end took 20-40 s of a run (none of it is under test)
    shm = "/dev/shm" if os.access("/dev/shm", os.W_OK) and _free_bytes("/dev/shm") > SHM_NEEDED else None
    root = keep or Path(tempfile.mkdtemp(prefix="liaison-pg-", dir=shm))
    data, log = root / "data", root / "server.log"
    if not (data / "PG_VERSION").exists():
        root.mkdir(parents=True, exist_ok=True)
        (root / "pw").write_text(secrets.token_hex(12))
        as_postgres = _as_postgres(root)
        _run(as_postgres + [str(bins / "initdb"), "-D", str(data), "-U", USER, f"--pwfile={root / 'pw'}",
                            "-E", "UTF8", "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256",
                            "--no-sync"])
    as_postgres = _as_postgres(root)
    password = (root / "pw").read_text()
    port = free_port()
    # fsync and friends off: a test cluster is thrown away, its durability is not under test
    options = (f"-h 127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off "
               "-c full_page_writes=off -c max_connections=60")
    _run(as_postgres + [str(bins / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start"],
         log)

    def stop() -> None:
        mode = "fast" if keep else "immediate"
        subprocess.run(as_postgres + [str(bins / "pg_ctl"), "-D", str(data), "-m", mode, "-w", "stop"],
                       capture_output=True, timeout=120)
        if not keep:
            shutil.rmtree(root, ignore_errors=True)

    return PostgresServer(f"postgresql+psycopg://{USER}:{password}@127.0.0.1:{port}/postgres", stop)


def _as_postgres(root: Path) -> list[str]:
    """initdb refuses to run as root: as root, run the server as `postgres`, owning its folder."""
    if os.geteuid() != 0:
        return []
    shutil.chown(root, "postgres")
    for child in root.iterdir():
        if child.name != "data":            # initdb sets the data folder's owner itself
            shutil.chown(child, "postgres")
    runuser = shutil.which("runuser")          # util-linux, part of every Debian system
    if not runuser:
        raise RuntimeError("runuser not found: cannot start PostgreSQL as the postgres user")
    return [runuser, "-u", "postgres", "--"]


def _run(cmd: list[str], log: Path | None = None) -> None:
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if res.returncode != 0:
        tail = log.read_text()[-2000:] if log and log.exists() else ""
        raise RuntimeError(f"{' '.join(cmd[:6])} failed ({res.returncode}): {res.stderr[-2000:]}\n{tail}")
