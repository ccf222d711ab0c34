"""Watchlists and their hits: the repository functions behind `liaison watchlist`, `liaison watch`
and the /watchlists pages."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, insert, select, update

from liaison.store import schema as s


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _row(row) -> dict:
    out = dict(row)
    for key in ("created_at", "checked_at", "found_at"):
        if isinstance(out.get(key), dt.datetime):
            out[key] = _utc(out[key]).isoformat(timespec="seconds")
    return out


def _utc(stamp: dt.datetime) -> dt.datetime:
    # SQLite gives naive datetimes back: they were written in UTC
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def add_watchlist(store, name: str, kind: str, value: str) -> dict:
    with store.writer.begin() as conn:
        new_id = conn.execute(insert(s.watchlists).values(name=name, kind=kind, value=value,
                                                          created_at=_now())).inserted_primary_key[0]
    return get_watchlist(store, new_id)


def list_watchlists(store) -> list[dict]:
    c, h = s.watchlists.c, s.watch_hits.c
    hits = (select(h.watchlist_id, func.count().label("hits"), func.max(h.found_at).label("last_hit"))
            .group_by(h.watchlist_id).subquery())
    query = (select(s.watchlists, func.coalesce(hits.c.hits, 0).label("hits"), hits.c.last_hit)
             .outerjoin(hits, hits.c.watchlist_id == c.id).order_by(c.id))
    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(query).mappings()]
    for r in rows:
        if isinstance(r["last_hit"], dt.datetime):
            r["last_hit"] = _utc(r["last_hit"]).isoformat(timespec="seconds")
    return [_row(r) for r in rows]


def get_watchlist(store, ident: int | str) -> dict | None:
    """By id, or by name."""
    c = s.watchlists.c
    where = c.id == int(ident) if str(ident).isdigit() and len(str(ident)) <= 9 else c.name == str(ident)
    with store.engine.connect() as conn:
        row = conn.execute(select(s.watchlists).where(where)).mappings().first()
    return _row(row) if row else None


def remove_watchlist(store, watchlist_id: int) -> bool:
    with store.writer.begin() as conn:
        conn.execute(delete(s.watch_hits).where(s.watch_hits.c.watchlist_id == watchlist_id))
        done = conn.execute(delete(s.watchlists).where(s.watchlists.c.id == watchlist_id)).rowcount
    return bool(done)


def hits(store, watchlist_id: int, limit: int | None = None) -> list[dict]:
    """Delivered hits, newest first: {id, event_id, found_at, record}."""
    h = s.watch_hits.c
    query = (select(h.id, h.event_id, h.found_at, h.record).where(h.watchlist_id == watchlist_id)
             .order_by(h.found_at.desc(), h.id.desc()))
    if limit:
        query = query.limit(limit)
    with store.engine.connect() as conn:
        return [_row(r) for r in conn.execute(query).mappings()]


def add_hits(store, watchlist_id: int, records: list[dict]) -> list[dict]:
    """Record newly delivered events (one transaction) and mark the watchlist checked."""
    now = _now()
    rows = [{"watchlist_id": watchlist_id, "event_id": r["id"], "found_at": now, "record": r}
            for r in records]
    with store.writer.begin() as conn:
        if rows:
            conn.execute(insert(s.watch_hits), rows)
        conn.execute(update(s.watchlists).where(s.watchlists.c.id == watchlist_id).values(checked_at=now))
    return [{"event_id": r["event_id"], "found_at": now.isoformat(timespec="seconds"), "record": r["record"]}
            for r in rows]
