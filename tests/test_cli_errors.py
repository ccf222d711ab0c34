"""Bad database URLs and an unreachable Dask scheduler: one line naming the problem, exit status 2,
nothing written. The PostgreSQL cases talk to the test server (wrong password) or to a free port."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import seed_path

LIAISON = str(Path(sys.executable).parent / "liaison")


def free_port() -> int:
    import pgserver
    return pgserver.free_port()


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([LIAISON, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COLUMNS": "300", **(env or {})})


def one_line_error(res: subprocess.CompletedProcess, code: str) -> str:
    assert res.returncode == 2, (res.returncode, res.stderr)
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    assert lines[0].startswith(f"error: [{code}]"), lines[0]
    assert "Traceback" not in res.stderr and res.stdout == ""
    return lines[0]


def test_unknown_scheme_and_malformed_urls(tmp_path):
    for url, words in [("mysql://me@localhost/news", "unsupported database scheme 'mysql'"),
                       ("not a url", "is not a database URL"),
                       ("sqlite://", "in-memory SQLite")]:
        line = one_line_error(run("--db", url, "ingest", str(seed_path("002"))), "L201")
        assert words in line


def test_sqlite_in_a_missing_folder_or_a_file_that_is_no_database(tmp_path):
    missing = tmp_path / "nowhere" / "x.db"
    line = one_line_error(run("--db", f"sqlite:///{missing}", "ingest", str(seed_path("002"))), "L204")
    assert "does not exist" in line and not missing.parent.exists()
    notes = tmp_path / "notes.txt"
    notes.write_text("these are notes, not a database\n" * 50)
    before = notes.read_bytes()
    one_line_error(run("--db", f"sqlite:///{notes}", "issues"), "L204")
    assert notes.read_bytes() == before and not Path(f"{notes}-wal").exists()


def test_postgresql_unreachable_and_wrong_password(postgres):
    port = free_port()
    line = one_line_error(run("--db", f"postgresql+psycopg://liaison@127.0.0.1:{port}/news", "ingest",
                              str(seed_path("002"))), "L202")
    assert f"127.0.0.1:{port}" in line
    password = postgres.admin_url.split("liaison:", 1)[1].split("@")[0]
    wrong = postgres.admin_url.replace(password, "x" + password)
    line = one_line_error(run("--db", wrong, "ingest", str(seed_path("002"))), "L203")
    assert "refused user 'liaison'" in line and password not in line
    database = postgres.url("no_such_db")
    line = one_line_error(run("--db", database, "export", "--out", "/tmp/x"), "L204")
    assert "no_such_db" in line


@pytest.mark.parametrize("extra", [[], ["--workers", "2"]])
def test_no_dask_scheduler_at_the_address(tmp_path, extra):
    address = f"tcp://127.0.0.1:{free_port()}"
    res = run("--db", f"sqlite:///{tmp_path / 'x.db'}", "ingest", "--dask", address, *extra,
              str(seed_path("002")), env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    if extra:
        assert res.returncode == 2 and "exclude each other" in res.stderr
        return
    line = one_line_error(res, "L801")
    assert address in line and not (tmp_path / "x.db").exists()
