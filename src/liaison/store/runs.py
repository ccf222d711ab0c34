"""Runs and claims: how two ingests at once analyse each document once, and a killed one resumes.

A run (one `liaison ingest`) claims the documents it is about to analyse by writing its id into
`documents.claimed_by`, in one UPDATE that only takes unclaimed, unanalysed rows; saving the
analysis clears the claim. A claim held by a run that is gone is released: on the same host the
run's process no longer exists (so a re-run right after a kill takes over at once); elsewhere its
heartbeat (`seen_at`, touched with every saved batch) is older than STALE.
"""
from __future__ import annotations

import datetime as dt
import os
import socket
import uuid
from collections.abc import Iterator

from sqlalchemy import select, update

from liaison.store import schema as s

STALE = dt.timedelta(minutes=10)
IN_CHUNK = 500


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def start_run(store) -> str:
    run_id = uuid.uuid4().hex
    now = _now()
    with store.writer.begin() as conn:
        conn.execute(s.runs.insert().values(id=run_id, host=socket.gethostname(), pid=os.getpid(),
                                            started_at=now, seen_at=now))
    release_dead_claims(store)
    return run_id


def touch_run(store, run_id: str) -> None:
    with store.writer.begin() as conn:
        conn.execute(update(s.runs).where(s.runs.c.id == run_id).values(seen_at=_now()))


def finish_run(store, run_id: str) -> None:
    with store.writer.begin() as conn:
        conn.execute(update(s.documents).where(s.documents.c.claimed_by == run_id).values(claimed_by=None))
        conn.execute(update(s.runs).where(s.runs.c.id == run_id).values(finished_at=_now()))


def release_dead_claims(store) -> int:
    """Free the documents claimed by runs that ended or died; returns how many."""
    dead = dead_runs(store)
    if not dead:
        return 0
    freed = 0
    with store.writer.begin() as conn:
        for i in range(0, len(dead), IN_CHUNK):
            chunk = dead[i:i + IN_CHUNK]
            freed += conn.execute(update(s.documents).where(s.documents.c.claimed_by.in_(chunk))
                                  .values(claimed_by=None)).rowcount
    return freed


def dead_runs(store) -> list[str]:
    """Runs still holding claims that are finished or no longer alive."""
    c, r = s.documents.c, s.runs.c
    holders = select(c.claimed_by).where(c.claimed_by.is_not(None)).distinct().subquery()
    with store.engine.connect() as conn:
        known = {row.id: row for row in conn.execute(select(s.runs).where(r.id.in_(select(holders))))}
        claimed = [row[0] for row in conn.execute(select(holders))]
    return [run for run in claimed if run not in known or not _alive(known[run])]


def _alive(run) -> bool:
    if run.finished_at is not None:
        return False
    if run.host == socket.gethostname():
        return _process_exists(run.pid)
    seen = run.seen_at if run.seen_at.tzinfo else run.seen_at.replace(tzinfo=dt.UTC)
    return _now() - seen < STALE


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True             # exists, owned by someone else
    return True


def claim(store, run_id: str, ids: list[str], version: str) -> set[str]:
    """Claim those of `ids` that no run holds and that are not analysed at `version`."""
    c = s.documents.c
    got: set[str] = set()
    with store.writer.begin() as conn:
        for i in range(0, len(ids), IN_CHUNK):
            stmt = (update(s.documents).where(c.id.in_(ids[i:i + IN_CHUNK]), c.claimed_by.is_(None),
                                              c.analysed_version.is_(None) | (c.analysed_version != version))
                    .values(claimed_by=run_id).returning(c.id))
            got.update(r[0] for r in conn.execute(stmt))
    return got


def unclaimed_pending(store, version: str, batch: int) -> Iterator[list[str]]:
    """Ids of stored documents waiting for analysis that no run holds, in id order, a batch at a
    time (keyset, so each query is short and a claim taken meanwhile is simply skipped)."""
    c = s.documents.c
    after = ""
    while True:
        q = (select(c.id).where(c.id > after, c.claimed_by.is_(None),
                                c.analysed_version.is_(None) | (c.analysed_version != version))
             .order_by(c.id).limit(batch))
        with store.engine.connect() as conn:
            ids = [r[0] for r in conn.execute(q)]
        if not ids:
            return
        yield ids
        after = ids[-1]
