"""The pairs-of-states summary (table `dyads`), written by the event writer in the same transaction
as the events it counts, so the relations page, the dyad list and the barometer read a few thousand
rows instead of aggregating every event on each request.

One row per pair of states named together by an event (a < b) and one per state (b = ""): events,
mean PLOVER score, events by type, and monthly tallies {month: [events, score sum, scored events,
events whose year the text did not state]} ("" for the undated); the trend and the latest change
point of the monthly series are computed once here (barometer.py). Each linked event counts once,
however many articles report it.
"""
from __future__ import annotations

from collections import Counter
from itertools import combinations

from sqlalchemy import Connection, delete, func, or_, select

from liaison import barometer, plover
from liaison.store import schema as s
from liaison.store.bulk import insert_rows

ALONE = ""          # the b of a state's own row: all its events, whoever the partner


class DyadTally:
    """Accumulates event table rows (store/rows.py: countries " FRA DZA ", type, mode, date_key, and
    the payload's date or a `year_unstated` flag) chunk by chunk; `rows()` gives the table rows."""

    def __init__(self) -> None:
        self.pairs: dict[tuple[str, str], dict] = {}

    def add(self, event_rows: list[dict]) -> None:
        for row in event_rows:
            codes = sorted(set((row.get("countries") or "").split()))
            score = plover.score(row["type"], row.get("mode"))
            month = (row.get("date_key") or "")[:7]
            unsure = bool(row.get("year_unstated") or ((row.get("payload") or {}).get("date") or {})
                          .get("year_unstated"))
            for key in [(code, ALONE) for code in codes] + list(combinations(codes, 2)):
                self._count(key, row["type"], month, score, unsure)

    def _count(self, key: tuple[str, str], event_type: str, month: str, score: float | None,
               unsure: bool = False) -> None:
        d = self.pairs.get(key)
        if d is None:
            d = self.pairs[key] = {"events": 0, "sum": 0.0, "scored": 0, "by_type": Counter(), "months": {}}
        d["events"] += 1
        d["by_type"][event_type] += 1
        tally = d["months"].setdefault(month, [0, 0.0, 0, 0])
        tally[0] += 1
        tally[3] += unsure
        if score is not None:
            d["sum"] += score
            d["scored"] += 1
            tally[1] += score
            tally[2] += 1

    def rows(self) -> list[dict]:
        return [_row(a, b, d) for (a, b), d in sorted(self.pairs.items())]


def _row(a: str, b: str, d: dict) -> dict:
    months = {m: [n, round(total, 4), scored, unsure]
              for m, (n, total, scored, unsure) in sorted(d["months"].items())}
    series = barometer.series_from_months(months)
    flags = barometer.change_points(series)
    return {"a": a, "b": b, "events": d["events"],
            "score": round(d["sum"] / d["scored"], 2) if d["scored"] else None,
            "by_type": dict(d["by_type"].most_common()), "months": months, "n_months": len(series),
            "trend": barometer.trend(series), "last_change": flags[-1] if flags else None}


def replace(conn: Connection, tally: DyadTally) -> None:
    conn.execute(delete(s.dyads))
    insert_rows(conn, s.dyads, tally.rows())


# ------------------------------------------------------------------ reading
d_ = s.dyads.c
LIST_COLUMNS = [d_.a, d_.b, d_.events, d_.score, d_.by_type, d_.n_months, d_.trend, d_.last_change]


def pairs_query(country: str | None = None, with_months: bool = False):
    """Pairs of states, most events first; with `country`, the pairs it is part of."""
    query = (select(*LIST_COLUMNS, *([d_.months] if with_months else []))
             .where(d_.b != ALONE).order_by(d_.events.desc(), d_.a, d_.b))
    if country:
        query = query.where(or_(d_.a == country, d_.b == country))
    return query


def states_query():
    """Each state's own row (all its events), most events first."""
    return select(d_.a, d_.events).where(d_.b == ALONE).order_by(d_.events.desc(), d_.a)


def pair_count_query(a: str, b: str):
    """A query whose scalar is the pair's event count (a drop-in for a count(*) query); 0 if none."""
    a, b = sorted((a, b))
    return select(func.coalesce(func.sum(d_.events), 0)).where(d_.a == a, d_.b == b)


def events_of_states(store, codes) -> dict[str, int]:
    with store.engine.connect() as conn:
        return dict(conn.execute(select(d_.a, d_.events).where(d_.b == ALONE, d_.a.in_(list(codes)))).all())


def pair_query(a: str, b: str):
    return select(*LIST_COLUMNS, d_.months).where(d_.a == a, d_.b == b)


def _item(row: dict) -> dict:
    out = {"a": row["a"], "b": row["b"], "id": f"{row['a']}-{row['b']}", "events": row["events"],
           "score": row["score"], "by_type": row["by_type"], "months": row["n_months"],
           "trend": row["trend"], "last_change": row["last_change"]}
    if "months" in row:     # the tallies, when asked: events by month ("undated" for the undated)
        out["monthly"] = row["months"]
        out["by_month"] = {m or "undated": tally[0] for m, tally in sorted(row["months"].items(),
                                                                          key=lambda kv: kv[0] or "~")}
    return out


def pairs(store, country: str | None = None, limit: int | None = None, offset: int = 0,
          with_months: bool = False) -> tuple[list[dict], int]:
    """(pairs of states, most events first; how many pairs in all)."""
    query = pairs_query(country, with_months)
    count = select(func.count()).select_from(query.order_by(None).subquery())
    if limit is not None:
        query = query.limit(limit).offset(offset)
    with store.engine.connect() as conn:
        return [_item(dict(r)) for r in conn.execute(query).mappings()], conn.execute(count).scalar()


def states(store) -> list[tuple[str, int]]:
    """(state, events) for every state named by an event, most events first."""
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(states_query())]


def pair(store, a: str, b: str) -> dict | None:
    a, b = sorted((a, b))
    with store.engine.connect() as conn:
        row = conn.execute(pair_query(a, b)).mappings().first()
    return _item(dict(row)) if row else None


def month_event_ids(store, a: str, b: str, months) -> dict[str, list[str]]:
    """The ids of the pair's events in each month asked ("2025-11"), exact and sorted. The walk goes
    along the state with fewer events (event_countries), one index range per run of consecutive
    months, and keeps the events that name the other state too: the same event's row of the other
    state has the same date_key, so that is a seek in the same index, not a scan."""
    months = sorted(set(months))
    sizes = events_of_states(store, (a, b))
    lead, other = sorted((a, b), key=lambda code: (sizes.get(code, 0), code))
    mine, theirs = s.event_countries.alias("mine"), s.event_countries.alias("theirs")
    both = (theirs.c.country == other) & (theirs.c.date_key == mine.c.date_key) & \
        (theirs.c.event_id == mine.c.event_id)
    out: dict[str, list[str]] = {m: [] for m in months}
    with store.engine.connect() as conn:
        for first, last in _runs(months):
            query = (select(mine.c.date_key, mine.c.event_id).join(theirs, both)
                     .where(mine.c.country == lead, mine.c.date_key >= f"{first}-01",
                            mine.c.date_key < f"{_next_month(last)}-01"))
            for day, event_id in conn.execute(query):
                out[day[:7]].append(event_id)
    return {m: sorted(ids) for m, ids in out.items()}


def _next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


def _runs(months: list[str]) -> list[tuple[str, str]]:
    """Sorted months as runs of consecutive ones: [(first, last), ...]."""
    runs: list[list[str]] = []
    for month in months:
        if runs and _next_month(runs[-1][1]) == month:
            runs[-1][1] = month
        else:
            runs.append([month, month])
    return [(first, last) for first, last in runs]
