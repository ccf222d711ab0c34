"""Ingest jobs posted to the API (table `jobs`): the repository functions behind api/jobs.py. Any
server process reads any job; the one running it writes its progress."""
from __future__ import annotations

import os
import socket
import time

from sqlalchemy import delete, insert, select, update

from liaison.store import schema as s

j = s.jobs.c
HOST = socket.gethostname()


def add(store, job_id: str, articles: int, keep: int) -> dict:
    """A queued job run by this process; the oldest finished jobs past `keep` are forgotten."""
    row = {"id": job_id, "status": "queued", "articles": articles, "created": time.time(),
           "host": HOST, "pid": os.getpid()}
    with store.writer.begin() as conn:
        conn.execute(insert(s.jobs).values(**row))
        old = select(j.id).where(j.finished.is_not(None)).order_by(j.finished.desc()).offset(keep)
        conn.execute(delete(s.jobs).where(j.id.in_([r[0] for r in conn.execute(old)])))
    return get(store, job_id)


def set_status(store, job_id: str, status: str, **fields) -> None:
    if status in ("done", "failed"):
        fields["finished"] = time.time()
    with store.writer.begin() as conn:
        conn.execute(update(s.jobs).where(j.id == job_id).values(status=status, **fields))


def get(store, job_id: str) -> dict | None:
    """The job as stored; a job left queued or running by a process of this host that is gone
    reads as failed (the server stopped before it finished)."""
    with store.engine.connect() as conn:
        row = conn.execute(select(s.jobs).where(j.id == job_id)).mappings().first()
    if row is None:
        return None
    job = dict(row)
    if job["status"] in ("queued", "running") and job["host"] == HOST and not _alive(job["pid"]):
        job.update(status="failed", error="the server process running it stopped before it finished")
    return job


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:     # alive, another user's
        return True
    return True
