"""Row counts kept by the writers, in the same transaction as the rows they count (table `totals`):
what an unfiltered list reports as its total and the home page as its counts, without counting a
million rows per request. Every table in schema.COUNTED has its row from migration 0003 on."""
from __future__ import annotations

from sqlalchemy import Connection, select, update

from liaison.store import schema as s

t = s.totals.c
# Not a count: the longest date span of a linked event, in days. An event overlapping a window
# starting on day D starts no earlier than D minus this, which bounds the date filter's index range.
EVENT_SPAN = "event_span"


def add(conn: Connection, name: str, n: int) -> None:
    if n:
        conn.execute(update(s.totals).where(t.name == name).values(n=t.n + n))


def set_total(conn: Connection, name: str, n: int) -> None:
    conn.execute(update(s.totals).where(t.name == name).values(n=n))


def total_query(name: str):
    """A query whose scalar is the kept total of `name` (a drop-in for a count(*) query)."""
    return select(t.n).where(t.name == name)


def read(store, name: str) -> int | None:
    with store.engine.connect() as conn:
        return conn.execute(total_query(name)).scalar()


def read_all(conn: Connection) -> dict[str, int]:
    return dict(conn.execute(select(t.name, t.n)).all())
